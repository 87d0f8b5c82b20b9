package news.dispatch.live;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import news.dispatch.article.Article;
import news.dispatch.article.ArticleStatus;
import news.dispatch.change.ChangeLog;
import news.dispatch.change.ChangeType;
import news.dispatch.sample.SamplePart;
import news.dispatch.sample.SampleResources;
import news.dispatch.text.BodyText;
import news.dispatch.text.HtmlSanitizer;

import java.time.Instant;
import java.util.List;

/**
 * Adds the sample live blog (sample/live-blog.json: a live article with a few entries) to the sample content, after it
 * has been loaded ({@code dispatch.sample.load}); only into a database that holds the sample and not the blog yet.
 */
@ApplicationScoped
public class LiveBlogSample extends SamplePart {

    static final String RESOURCE = "sample/live-blog.json";
    /** The blog's slug, as {@value #RESOURCE} has it: the sample alert is about this blog. */
    public static final String SLUG = "kurdistan-region-parliamentary-election-live";
    /** The sample's main story: its presence tells a database holding the sample content. */
    static final String SAMPLE_STORY = "iraqi-prime-minister-to-meet-biden-in-washington-this-month";

    record EntryData(Instant at, String title, String bodyHtml, boolean keyEvent, boolean pinned, LiveEntry.Picture image) {
    }

    record BlogData(String slug, String headline, String standfirst, String bodyHtml, String language,
                    Instant coverageStart, Instant publishedAt, List<EntryData> entries) {
    }

    private final EntityManager em;
    private final ObjectMapper json;
    private final ChangeLog changes;

    public LiveBlogSample(EntityManager em, ObjectMapper json, ChangeLog changes) {
        super(1); // first: the sample fronts and the sample alert show the blog
        this.em = em;
        this.json = json;
        this.changes = changes;
    }

    /** Loads the blog into a database that holds the sample articles and not the blog yet; answers whether it did. */
    @Override
    @Transactional
    public boolean load() {
        BlogData d = SampleResources.read(json, RESOURCE, BlogData.class);
        if (count(d.slug()) > 0 || count(SAMPLE_STORY) == 0) {
            return false;
        }
        Article a = new Article();
        a.slug = d.slug();
        a.headline = d.headline();
        a.standfirst = d.standfirst();
        a.bodyHtml = HtmlSanitizer.sanitize(d.bodyHtml());
        BodyText text = BodyText.of(a.bodyHtml);
        a.bodyText = text.text();
        a.wordCount = text.wordCount();
        a.readingMinutes = text.readingMinutes();
        a.language = d.language();
        a.status = ArticleStatus.PUBLISHED;
        a.live = true;
        a.coverageStart = d.coverageStart();
        Instant last = d.entries().stream().map(EntryData::at).max(Instant::compareTo).orElse(d.publishedAt());
        a.publishedAt = a.firstPublishedAt = a.createdAt = d.publishedAt();
        a.updatedAt = last;
        em.persist(a);
        long seq = 0;
        for (EntryData e : d.entries()) {
            LiveEntry entry = new LiveEntry();
            entry.articleId = a.id;
            entry.at = entry.createdAt = entry.updatedAt = e.at();
            entry.title = e.title();
            entry.bodyHtml = HtmlSanitizer.sanitize(e.bodyHtml());
            entry.bodyText = BodyText.of(entry.bodyHtml).text();
            entry.keyEvent = e.keyEvent();
            entry.pinned = e.pinned();
            entry.picture = e.image();
            entry.changeSeq = ++seq;
            em.persist(entry);
        }
        changes.record(ChangeType.PUBLISH, a);
        Log.infof("Loaded the sample live blog: %d entries", d.entries().size());
        return true;
    }

    private long count(String slug) {
        return em.createQuery("select count(a) from Article a where a.slug = :slug", Long.class)
                .setParameter("slug", slug).getSingleResult();
    }
}
