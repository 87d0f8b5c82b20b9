package news.dispatch.syndication;

import com.rometools.modules.mediarss.MediaEntryModuleImpl;
import com.rometools.modules.mediarss.types.Credit;
import com.rometools.modules.mediarss.types.MediaContent;
import com.rometools.modules.mediarss.types.Metadata;
import com.rometools.modules.mediarss.types.UrlReference;
import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndCategoryImpl;
import com.rometools.rome.feed.synd.SyndContent;
import com.rometools.rome.feed.synd.SyndContentImpl;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndEntryImpl;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndFeedImpl;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndLinkImpl;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.feed.synd.SyndPersonImpl;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedOutput;
import jakarta.enterprise.context.ApplicationScoped;
import news.dispatch.article.ArticleSummary;
import news.dispatch.article.ArticleView;
import news.dispatch.article.LeadImage;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;

/** RSS 2.0 and Atom 1.0 with ROME; the lead image travels as Media RSS (caption and credit included). */
@ApplicationScoped
class RomeFeedWriter {

    private final SyndicationConfig config;

    RomeFeedWriter(SyndicationConfig config) {
        this.config = config;
    }

    byte[] write(Feed feed, FeedFormat format) {
        SyndFeed out = new SyndFeedImpl();
        out.setFeedType(format.romeType());
        out.setEncoding("UTF-8");
        out.setTitle(feed.title());
        out.setDescription(feed.description());
        out.setLink(feed.homePage());
        out.setUri(id(feed.selfUrl()));
        out.setPublishedDate(Date.from(feed.updated()));
        out.setCopyright(config.outletName());
        SyndLink alternate = link("alternate", feed.homePage(), "text/html");
        SyndLink self = link("self", feed.selfUrl(), format.mediaType().split(";")[0]);
        out.setLinks(List.of(alternate, self));
        List<SyndEntry> entries = new ArrayList<>();
        for (ArticleView article : feed.entries()) {
            entries.add(entry(article, feed.fullText(), format));
        }
        out.setEntries(entries);
        try {
            return new SyndFeedOutput().outputString(out, false).getBytes(StandardCharsets.UTF_8);
        } catch (FeedException e) {
            throw new IllegalStateException("Cannot write the " + format + " feed", e);
        }
    }

    /**
     * The Atom id of a feed: a fixed URN from its path ({@code /v1/feeds/sections/politics.atom} →
     * {@code urn:dispatch:feed:sections:politics}), the same whatever the public URL, so readers never see
     * a feed change its identity when the service moves.
     */
    static String id(String selfUrl) {
        int at = selfUrl.indexOf("/v1/feeds/");
        String path = at < 0 ? selfUrl : selfUrl.substring(at + "/v1/feeds/".length());
        int dot = path.lastIndexOf('.');
        return "urn:dispatch:feed:" + (dot < 0 ? path : path.substring(0, dot)).replace('/', ':');
    }

    private SyndEntry entry(ArticleView article, boolean fullText, FeedFormat format) {
        ArticleSummary a = article.summary();
        SyndEntry entry = new SyndEntryImpl();
        entry.setUri("urn:uuid:" + a.id());
        entry.setTitle(a.headline());
        entry.setLink(a.url());
        entry.setPublishedDate(Date.from(a.publishedAt()));
        entry.setUpdatedDate(Date.from(a.updatedAt()));
        SyndContent summary = new SyndContentImpl();
        summary.setType("text/plain");
        summary.setValue(Summaries.of(article, config.summaryLength()));
        entry.setDescription(summary);
        if (fullText) {
            SyndContent body = new SyndContentImpl();
            body.setType("html");
            body.setValue(article.body().html());
            entry.setContents(List.of(body));
        }
        List<SyndPerson> authors = new ArrayList<>();
        a.bylines().forEach(b -> {
            SyndPerson person = new SyndPersonImpl();
            person.setName(b.name());
            authors.add(person);
        });
        if (format == FeedFormat.RSS && !authors.isEmpty()) {
            // RSS's own <author> must be an e-mail address; names travel as dc:creator.
            entry.setAuthor(String.join(", ", a.bylines().stream().map(b -> b.name()).toList()));
        } else {
            entry.setAuthors(authors);
        }
        List<SyndCategory> categories = new ArrayList<>();
        if (a.section() != null) {
            categories.add(category(a.section().name(), "section"));
        }
        a.tags().forEach(t -> categories.add(category(t.name(), "tag:" + t.type().value())));
        entry.setCategories(categories);
        if (a.leadImage() != null) {
            entry.getModules().add(media(a.leadImage()));
        }
        return entry;
    }

    private static MediaEntryModuleImpl media(LeadImage image) {
        MediaContent content = new MediaContent(new UrlReference(URI.create(image.url())));
        content.setMedium("image");
        content.setWidth(image.width());
        content.setHeight(image.height());
        Metadata metadata = new Metadata();
        if (image.caption() != null) {
            metadata.setDescription(image.caption());
        }
        if (image.credit() != null) {
            metadata.setCredits(new Credit[]{new Credit(null, null, image.credit())});
        }
        if (image.alt() != null) {
            metadata.setTitle(image.alt());
        }
        content.setMetadata(metadata);
        MediaEntryModuleImpl module = new MediaEntryModuleImpl();
        module.setMediaContents(new MediaContent[]{content});
        module.setMetadata(new Metadata());
        return module;
    }

    private static SyndCategory category(String name, String taxonomy) {
        SyndCategory category = new SyndCategoryImpl();
        category.setName(name);
        category.setTaxonomyUri(taxonomy);
        return category;
    }

    private static SyndLink link(String rel, String href, String type) {
        SyndLink link = new SyndLinkImpl();
        link.setRel(rel);
        link.setHref(href);
        link.setType(type);
        return link;
    }
}
