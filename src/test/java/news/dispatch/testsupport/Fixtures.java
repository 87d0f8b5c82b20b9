package news.dispatch.testsupport;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import news.dispatch.article.Article;
import news.dispatch.article.ArticleByline;
import news.dispatch.article.ArticleCorrection;
import news.dispatch.article.ArticleRelated;
import news.dispatch.article.ArticleSlugHistory;
import news.dispatch.article.ArticleStatus;
import news.dispatch.article.ArticleTag;
import news.dispatch.article.BylineRole;
import news.dispatch.article.Relation;
import news.dispatch.byline.Byline;
import news.dispatch.byline.BylineKind;
import news.dispatch.section.Section;
import news.dispatch.tag.Tag;
import news.dispatch.tag.TagType;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Builders that persist test content in their own transaction and return what they made.
 * Every name gets a unique suffix, so tests never share rows and need no clean-up.
 */
@ApplicationScoped
public class Fixtures {

    private static final AtomicLong COUNTER = new AtomicLong(System.nanoTime() % 1_000_000);

    private final EntityManager em;

    public Fixtures(EntityManager em) {
        this.em = em;
    }

    /** A slug-safe unique token: "prefix-123456". */
    public static String unique(String prefix) {
        return prefix.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-") + "-" + COUNTER.incrementAndGet();
    }

    public Section section(String name) {
        return section(name, s -> {
        });
    }

    /** A section, customised before it is saved (position, description...). */
    public Section section(String name, Consumer<Section> customise) {
        Section s = new Section();
        s.name = name;
        s.slug = unique(name);
        s.position = 0;
        s.createdAt = s.updatedAt = now();
        customise.accept(s);
        return persist(s);
    }

    public Tag tag(String name, TagType type) {
        return tag(name, type, t -> {
        });
    }

    /** A tag, customised before it is saved (description...). */
    public Tag tag(String name, TagType type, Consumer<Tag> customise) {
        Tag t = new Tag();
        t.name = name;
        t.nameKey = name.toLowerCase(Locale.ROOT);
        t.slug = unique(name);
        t.type = type;
        t.createdAt = t.updatedAt = now();
        customise.accept(t);
        return persist(t);
    }

    public Byline byline(String name, BylineKind kind) {
        return byline(name, kind, b -> {
        });
    }

    /** A byline, customised before it is saved (title, bio, avatar, links...). */
    public Byline byline(String name, BylineKind kind, Consumer<Byline> customise) {
        Byline b = new Byline();
        b.name = name;
        b.nameKey = name.toLowerCase(Locale.ROOT);
        b.slug = unique(name);
        b.kind = kind;
        b.createdAt = b.updatedAt = now();
        customise.accept(b);
        return persist(b);
    }

    /** Records a slug the article used to have (it then answers 301 to the current one). */
    public void formerSlug(Article article, String slug) {
        QuarkusTransaction.requiringNew().run(() ->
                em.persist(new ArticleSlugHistory(slug, em.find(Article.class, article.id), now())));
    }

    /** Changes an article's publication state after the fact (unpublish, delete, move). */
    public void update(Article article, Consumer<Article> change) {
        QuarkusTransaction.requiringNew().run(() -> change.accept(em.find(Article.class, article.id)));
    }

    public ArticleBuilder article(String headline) {
        return new ArticleBuilder(headline);
    }

    /** Adds a tag to an article after the fact, last among its tags. */
    public void tagArticle(Article article, Tag tag) {
        QuarkusTransaction.requiringNew().run(() ->
                em.persist(new ArticleTag(em.find(Article.class, article.id), em.find(Tag.class, tag.id), 1000)));
    }

    /** Adds a curated related link. */
    public void relate(Article from, Article to, int position, Relation relation) {
        QuarkusTransaction.requiringNew().run(() ->
                em.persist(new ArticleRelated(em.find(Article.class, from.id), em.find(Article.class, to.id), position, relation)));
    }

    private <T> T persist(T entity) {
        QuarkusTransaction.requiringNew().run(() -> em.persist(entity));
        return entity;
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    public final class ArticleBuilder {
        private final Article a = new Article();
        private final List<Object[]> bylines = new ArrayList<>();
        private final List<Tag> tags = new ArrayList<>();
        private final List<String> corrections = new ArrayList<>();

        private ArticleBuilder(String headline) {
            a.headline = headline;
            a.slug = unique(headline.length() > 40 ? headline.substring(0, 40) : headline);
            a.bodyHtml = "<p>" + headline + "</p>";
            a.bodyText = headline;
            a.language = "en";
            a.status = ArticleStatus.PUBLISHED;
            a.publishedAt = now();
            a.firstPublishedAt = a.publishedAt;
            a.createdAt = a.updatedAt = a.publishedAt;
            a.wordCount = headline.split("\\s+").length;
            a.readingMinutes = 1;
        }

        public ArticleBuilder slug(String slug) {
            a.slug = slug;
            return this;
        }

        public ArticleBuilder section(Section section) {
            a.section = section;
            return this;
        }

        public ArticleBuilder tags(Tag... list) {
            tags.addAll(List.of(list));
            return this;
        }

        public ArticleBuilder byline(Byline byline, BylineRole role) {
            bylines.add(new Object[]{byline, role});
            return this;
        }

        public ArticleBuilder publishedAt(Instant at) {
            a.publishedAt = at.truncatedTo(ChronoUnit.MICROS);
            a.firstPublishedAt = a.publishedAt;
            a.createdAt = a.publishedAt;
            a.updatedAt = a.publishedAt;
            return this;
        }

        public ArticleBuilder updatedAt(Instant at) {
            a.updatedAt = at.truncatedTo(ChronoUnit.MICROS);
            return this;
        }

        public ArticleBuilder status(ArticleStatus status) {
            a.status = status;
            return this;
        }

        public ArticleBuilder language(String language) {
            a.language = language;
            return this;
        }

        public ArticleBuilder body(String html, String text) {
            a.bodyHtml = html;
            a.bodyText = text;
            return this;
        }

        public ArticleBuilder standfirst(String standfirst) {
            a.standfirst = standfirst;
            return this;
        }

        public ArticleBuilder dateline(String place, String source) {
            a.datelinePlace = place;
            a.datelineSource = source;
            return this;
        }

        public ArticleBuilder leadImage(String url, String caption, String credit, boolean filePhoto) {
            a.leadImageUrl = url;
            a.leadImageCaption = caption;
            a.leadImageCredit = credit;
            a.leadImageFilePhoto = filePhoto;
            return this;
        }

        public ArticleBuilder syndication(boolean allowed, Instant embargoUntil) {
            a.syndicationAllowed = allowed;
            a.embargoUntil = embargoUntil;
            return this;
        }

        public ArticleBuilder deleted() {
            a.deletedAt = now();
            return this;
        }

        /** Any other field (lead image alt and size, word count...). */
        public ArticleBuilder with(Consumer<Article> customise) {
            customise.accept(a);
            return this;
        }

        public ArticleBuilder correction(String note) {
            corrections.add(note);
            return this;
        }

        /** Persists the article with its links in one transaction. */
        public Article save() {
            QuarkusTransaction.requiringNew().run(() -> {
                if (a.section != null) {
                    a.section = em.find(Section.class, a.section.id);
                }
                em.persist(a);
                int position = 0;
                for (Object[] b : bylines) {
                    em.persist(new ArticleByline(a, em.find(Byline.class, ((Byline) b[0]).id), position++, (BylineRole) b[1]));
                }
                position = 0;
                for (Tag t : tags) {
                    em.persist(new ArticleTag(a, em.find(Tag.class, t.id), position++));
                }
                Instant at = a.publishedAt == null ? now() : a.publishedAt;
                for (String note : corrections) {
                    at = at.plusSeconds(60);
                    em.persist(new ArticleCorrection(a, at, note));
                }
            });
            return a;
        }
    }
}
