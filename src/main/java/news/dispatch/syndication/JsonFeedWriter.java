package news.dispatch.syndication;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.enterprise.context.ApplicationScoped;
import news.dispatch.article.ArticleSummary;
import news.dispatch.article.ArticleView;
import news.dispatch.article.Correction;
import news.dispatch.article.LeadImage;
import news.dispatch.web.Representations;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * JSON Feed 1.1 (https://jsonfeed.org/version/1.1). The lead image's caption and credit, which the
 * format has no field for, go in the {@code _dispatch} extension object, as the spec provides.
 */
@ApplicationScoped
class JsonFeedWriter {

    static final String VERSION = "https://jsonfeed.org/version/1.1";

    private final Representations representations;
    private final SyndicationConfig config;

    JsonFeedWriter(Representations representations, SyndicationConfig config) {
        this.representations = representations;
        this.config = config;
    }

    byte[] write(Feed feed) {
        List<Item> items = new ArrayList<>();
        for (ArticleView article : feed.entries()) {
            ArticleSummary a = article.summary();
            String summary = Summaries.of(article, config.summaryLength());
            items.add(new Item("urn:uuid:" + a.id(), a.url(), a.headline(),
                    feed.fullText() ? article.body().html() : null,
                    feed.fullText() ? null : summary,
                    summary,
                    a.leadImage() == null ? null : a.leadImage().url(),
                    a.publishedAt(), a.updatedAt(),
                    a.bylines().stream().map(b -> new Author(b.name())).toList(),
                    tags(a),
                    a.language(),
                    new Extension(a.id(), a.slug(), a.section() == null ? null : a.section().slug(), a.leadImage(),
                            article.corrections() == null || article.corrections().isEmpty() ? null : article.corrections())));
        }
        return representations.serialize(new JsonFeed(VERSION, feed.title(), feed.homePage(), feed.selfUrl(),
                feed.description(), feed.language(), items));
    }

    private static List<String> tags(ArticleSummary a) {
        List<String> tags = new ArrayList<>();
        a.tags().forEach(t -> tags.add(t.name()));
        return tags;
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record JsonFeed(String version, String title, @JsonProperty("home_page_url") String homePageUrl,
                    @JsonProperty("feed_url") String feedUrl, String description, String language, List<Item> items) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Item(String id, String url, String title,
                @JsonProperty("content_html") String contentHtml,
                @JsonProperty("content_text") String contentText,
                String summary, String image,
                @JsonProperty("date_published") Instant datePublished,
                @JsonProperty("date_modified") Instant dateModified,
                List<Author> authors, List<String> tags, String language,
                @JsonProperty("_dispatch") Extension dispatch) {
    }

    record Author(String name) {
    }

    /**
     * Our extension: the article's id and slug (for the API), its section, the lead image with caption and credit,
     * and its corrections (oldest first, absent when there are none).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Extension(java.util.UUID id, String slug, String section, LeadImage leadImage, List<Correction> corrections) {
    }
}
