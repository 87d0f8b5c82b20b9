package news.dispatch.syndication;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import news.dispatch.article.ArticleSummary;
import news.dispatch.article.ArticleView;
import news.dispatch.article.BylineCredit;
import news.dispatch.article.BylineRole;
import news.dispatch.article.Dateline;
import news.dispatch.article.LeadImage;
import news.dispatch.byline.BylineKind;

/** An article as a schema.org {@code NewsArticle} in JSON-LD, the markup search engines read. */
@ApplicationScoped
public class SchemaOrgWriter {

    public static final String MEDIA_TYPE = "application/ld+json";

    private final ObjectMapper json;
    private final ObjectWriter scriptSafe;
    private final SyndicationConfig config;
    private final jakarta.enterprise.inject.Instance<LiveBlogUpdates> liveBlogs;

    public SchemaOrgWriter(ObjectMapper json, SyndicationConfig config,
                           jakarta.enterprise.inject.Instance<LiveBlogUpdates> liveBlogs) {
        this.json = json;
        this.liveBlogs = liveBlogs;
        this.scriptSafe = json.writer().with(new ScriptSafeEscapes());
        this.config = config;
    }

    /**
     * The document's bytes, safe to paste into a page's {@code <script type="application/ld+json">} as
     * schema.org intends: {@code <}, {@code >} and {@code &} are written as JSON Unicode escapes
     * (backslash, u003c and so on), so a headline containing {@code </script>} cannot end the script element. JSON
     * parsers read the same strings.
     */
    public byte[] bytes(ObjectNode document) {
        try {
            return scriptSafe.writeValueAsBytes(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise a NewsArticle", e);
        }
    }

    /** Jackson's standard escapes plus {@code < > &} as Unicode escapes. */
    private static final class ScriptSafeEscapes extends CharacterEscapes {

        private final int[] escapes;

        ScriptSafeEscapes() {
            escapes = CharacterEscapes.standardAsciiEscapesForJSON();
            escapes['<'] = CharacterEscapes.ESCAPE_STANDARD;
            escapes['>'] = CharacterEscapes.ESCAPE_STANDARD;
            escapes['&'] = CharacterEscapes.ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return escapes;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return null;
        }
    }

    public ObjectNode newsArticle(ArticleView view) {
        ArticleSummary a = view.summary();
        ObjectNode n = json.createObjectNode();
        n.put("@context", "https://schema.org");
        n.put("@type", "NewsArticle");
        n.put("@id", a.url());
        n.put("url", a.url());
        n.put("mainEntityOfPage", a.url());
        n.put("identifier", a.id().toString());
        n.put("headline", a.headline());
        if (a.standfirst() != null) {
            n.put("description", a.standfirst());
        }
        if (a.dateline() != null) {
            n.put("dateline", dateline(a.dateline()));
        }
        if (a.publishedAt() != null) {
            n.put("datePublished", a.publishedAt().toString());
        }
        if (a.firstPublishedAt() != null) {
            n.put("dateCreated", a.firstPublishedAt().toString());
        }
        n.put("dateModified", a.updatedAt().toString());
        ArrayNode authors = json.createArrayNode();
        ArrayNode contributors = json.createArrayNode();
        for (BylineCredit credit : a.bylines()) {
            ObjectNode person = (credit.role() == BylineRole.CONTRIBUTOR || credit.role() == BylineRole.PHOTOGRAPHER
                    ? contributors : authors).addObject();
            person.put("@type", credit.kind() == BylineKind.PERSON ? "Person" : "Organization");
            person.put("name", credit.name());
        }
        if (!authors.isEmpty()) {
            n.set("author", authors);
        }
        if (!contributors.isEmpty()) {
            n.set("contributor", contributors);
        }
        if (a.leadImage() != null) {
            n.set("image", image(a.leadImage()));
        }
        if (a.section() != null) {
            n.put("articleSection", a.section().name());
        }
        if (!a.tags().isEmpty()) {
            ArrayNode keywords = n.putArray("keywords");
            a.tags().forEach(t -> keywords.add(t.name()));
        }
        n.put("inLanguage", a.language());
        translations(a, n);
        n.put("wordCount", a.wordCount());
        if (view.body() != null) {
            n.put("articleBody", view.body().text());
        }
        if (view.corrections() != null && !view.corrections().isEmpty()) {
            ArrayNode corrections = n.putArray("correction");
            view.corrections().forEach(c -> corrections.addObject().put("@type", "CorrectionComment")
                    .put("text", c.text()).put("datePublished", c.at().toString()));
        }
        n.put("isAccessibleForFree", true);
        ObjectNode publisher = n.putObject("publisher");
        publisher.put("@type", "NewsMediaOrganization");
        publisher.put("name", config.outletName());
        publisher.put("url", config.homePage());
        if (a.live()) {
            liveBlog(a, n);
        }
        return n;
    }

    /** A live blog is a {@code LiveBlogPosting} with its coverage and its newest entries (decision 160). */
    private void liveBlog(ArticleSummary a, ObjectNode n) {
        n.put("@type", "LiveBlogPosting");
        if (a.coverage() != null && a.coverage().start() != null) {
            n.put("coverageStartTime", a.coverage().start().toString());
        }
        if (a.coverage() != null && a.coverage().end() != null) {
            n.put("coverageEndTime", a.coverage().end().toString());
        }
        ArrayNode updates = n.putArray("liveBlogUpdate");
        if (liveBlogs.isResolvable()) {
            for (LiveBlogUpdates.Update u : liveBlogs.get().latest(a.id())) {
                ObjectNode post = updates.addObject();
                post.put("@type", "BlogPosting");
                post.put("@id", a.url() + "#entry-" + u.id());
                post.put("url", a.url() + "#entry-" + u.id());
                post.put("headline", u.title() != null ? u.title()
                        : u.text().length() <= 110 ? u.text() : u.text().substring(0, 109) + "…");
                post.put("datePublished", u.at().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
                post.put("dateModified", u.updatedAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
                post.put("articleBody", u.text());
                if (u.imageUrl() != null) {
                    post.put("image", u.imageUrl());
                }
            }
        }
    }

    /**
     * The versions in other languages: the original one as {@code translationOfWork} of a translation, and every other
     * one as {@code workTranslation} (schema.org's pair of properties).
     */
    private void translations(news.dispatch.article.ArticleSummary a, ObjectNode n) {
        ArrayNode others = json.createArrayNode();
        for (news.dispatch.article.Translation t : a.translations()) {
            ObjectNode work = json.createObjectNode();
            work.put("@type", "NewsArticle");
            work.put("url", t.url());
            work.put("headline", t.headline());
            work.put("inLanguage", t.language());
            if (t.original()) {
                n.set("translationOfWork", work);
            } else {
                others.add(work);
            }
        }
        if (!others.isEmpty()) {
            n.set("workTranslation", others);
        }
    }

    /** As printed: "SULAIMANI (ESTA)". */
    private static String dateline(Dateline d) {
        if (d.place() == null) {
            return d.source();
        }
        return d.source() == null ? d.place() : d.place() + " (" + d.source() + ")";
    }

    private ObjectNode image(LeadImage image) {
        ObjectNode i = json.createObjectNode();
        i.put("@type", "ImageObject");
        i.put("url", image.url());
        i.put("contentUrl", image.url());
        if (image.caption() != null) {
            i.put("caption", image.caption());
        }
        if (image.credit() != null) {
            i.put("creditText", image.credit());
        }
        if (image.alt() != null) {
            i.put("description", image.alt());
        }
        if (image.width() != null) {
            i.put("width", image.width());
        }
        if (image.height() != null) {
            i.put("height", image.height());
        }
        return i;
    }
}
