package news.dispatch.sample;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import news.dispatch.article.Article;
import news.dispatch.article.ArticleByline;
import news.dispatch.article.ArticleRelated;
import news.dispatch.article.ArticleStatus;
import news.dispatch.article.ArticleTag;
import news.dispatch.article.BylineRole;
import news.dispatch.article.Relation;
import news.dispatch.byline.Byline;
import news.dispatch.byline.BylineKind;
import news.dispatch.byline.BylineLink;
import news.dispatch.change.ChangeLog;
import news.dispatch.change.ChangeType;
import news.dispatch.common.ApiEnum;
import news.dispatch.ops.SchemaReady;
import news.dispatch.section.Section;
import news.dispatch.tag.Tag;
import news.dispatch.tag.TagType;
import news.dispatch.text.BodyText;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Loads the sample content into an empty database at start (on by default on the embedded
 * database): the ESTA article of shared/sample, the two articles its page links as previous and
 * next, and a few more on the same subjects so related posts are filled. Each article gets a
 * {@code publish} entry in the change feed, so a partner's copy built from the feed has them. Then the
 * {@link SamplePart}s that build on the articles (the live blog, the fronts, the alert, the image), each unless the
 * database has it already.
 */
@ApplicationScoped
public class SampleLoader {

    static final String RESOURCE = "sample/sample-content.json";

    private final SampleConfig config;
    private final EntityManager em;
    private final ObjectMapper json;
    private final Clock clock;
    private final ChangeLog changes;
    private final Instance<SamplePart> parts;

    public SampleLoader(SampleConfig config, EntityManager em, ObjectMapper json, Clock clock, ChangeLog changes,
                        Instance<SamplePart> parts) {
        this.config = config;
        this.em = em;
        this.json = json;
        this.clock = clock;
        this.changes = changes;
        this.parts = parts;
    }

    /** On SchemaReady rather than StartupEvent: the database may come up after the application (ops/SchemaMigrations). */
    void onStart(@Observes SchemaReady event) {
        if (config.load()) {
            loadIfEmpty();
            parts.stream().sorted(Comparator.comparingInt(SamplePart::order)).forEach(SamplePart::load);
        }
    }

    /** Loads the sample content unless the database already has articles; answers whether it loaded. */
    @Transactional
    public boolean loadIfEmpty() {
        long articles = em.createQuery("select count(a) from Article a", Long.class).getSingleResult();
        if (articles > 0) {
            return false;
        }
        SampleContent content = SampleResources.read(json, RESOURCE, SampleContent.class);
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        Map<String, Section> sections = new HashMap<>();
        for (SampleContent.SectionData s : content.sections()) {
            Section section = new Section();
            section.slug = s.slug();
            section.name = s.name();
            section.description = s.description();
            section.position = s.position();
            section.createdAt = section.updatedAt = now;
            em.persist(section);
            sections.put(s.slug(), section);
        }
        Map<String, Tag> tags = new HashMap<>();
        for (SampleContent.TagData t : content.tags()) {
            Tag tag = new Tag();
            tag.slug = t.slug();
            tag.name = t.name();
            tag.nameKey = t.name().toLowerCase(Locale.ROOT);
            tag.type = ApiEnum.parse(TagType.class, t.type()).orElseThrow();
            tag.createdAt = tag.updatedAt = now;
            em.persist(tag);
            tags.put(t.slug(), tag);
        }
        Map<String, Byline> bylines = new HashMap<>();
        for (SampleContent.BylineData b : content.bylines()) {
            Byline byline = new Byline();
            byline.slug = b.slug();
            byline.name = b.name();
            byline.nameKey = b.name().toLowerCase(Locale.ROOT);
            byline.kind = ApiEnum.parse(BylineKind.class, b.kind()).orElseThrow();
            byline.title = b.title();
            byline.bio = b.bio();
            b.links().forEach(l -> byline.links.add(new BylineLink(l.title(), l.url())));
            byline.createdAt = byline.updatedAt = now;
            em.persist(byline);
            bylines.put(b.slug(), byline);
        }
        Map<String, Article> articlesBySlug = new HashMap<>();
        for (SampleContent.ArticleData d : content.articles()) {
            Article a = new Article();
            a.slug = d.slug();
            a.headline = d.headline();
            a.standfirst = d.standfirst();
            if (d.dateline() != null) {
                a.datelinePlace = d.dateline().place();
                a.datelineSource = d.dateline().source();
            }
            a.bodyHtml = d.bodyHtml();
            BodyText text = BodyText.of(d.bodyHtml());
            a.bodyText = text.text();
            a.wordCount = text.wordCount();
            a.readingMinutes = text.readingMinutes();
            if (d.leadImage() != null) {
                a.leadImageUrl = d.leadImage().url();
                a.leadImageCaption = d.leadImage().caption();
                a.leadImageCredit = d.leadImage().credit();
                a.leadImageFilePhoto = d.leadImage().filePhoto();
                a.leadImageAlt = d.leadImage().alt();
                a.leadImageWidth = d.leadImage().width();
                a.leadImageHeight = d.leadImage().height();
            }
            a.language = d.language();
            a.section = sections.get(d.section());
            a.status = ArticleStatus.PUBLISHED;
            a.publishedAt = a.firstPublishedAt = a.createdAt = a.updatedAt = d.publishedAt();
            em.persist(a);
            int position = 0;
            for (SampleContent.CreditData c : d.bylines()) {
                em.persist(new ArticleByline(a, bylines.get(c.slug()), position++,
                        ApiEnum.parse(BylineRole.class, c.role()).orElseThrow()));
            }
            position = 0;
            for (String t : d.tags()) {
                em.persist(new ArticleTag(a, required(tags, t), position++));
            }
            articlesBySlug.put(a.slug, a);
        }
        for (SampleContent.ArticleData d : content.articles()) {
            if (d.translationOf() != null) {
                Article original = required(articlesBySlug, d.translationOf());
                original.translationGroup = original.id;
                articlesBySlug.get(d.slug()).translationGroup = original.id;
            }
            int position = 0;
            for (SampleContent.RelatedData r : d.related()) {
                em.persist(new ArticleRelated(articlesBySlug.get(d.slug()), required(articlesBySlug, r.slug()), position++,
                        ApiEnum.parse(Relation.class, r.relation()).orElseThrow()));
            }
        }
        // Partners build their copies from the change feed: every sample story gets its publish entry, oldest first,
        // in the load's transaction.
        articlesBySlug.values().stream().sorted(Comparator.comparing((Article a) -> a.publishedAt).thenComparing(a -> a.id))
                .forEach(a -> changes.record(ChangeType.PUBLISH, a));
        Log.infof("Loaded the sample content: %d articles, %d tags, %d sections, %d bylines",
                content.articles().size(), content.tags().size(), content.sections().size(), content.bylines().size());
        return true;
    }

    private static <T> T required(Map<String, T> map, String key) {
        T value = map.get(key);
        if (value == null) {
            throw new IllegalStateException("The sample content names '" + key + "' but does not define it");
        }
        return value;
    }
}
