package news.dispatch.testsupport;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import news.dispatch.article.Article;
import news.dispatch.article.ArticleStatus;
import news.dispatch.article.ArticleTag;
import news.dispatch.change.ChangeEvent;
import news.dispatch.change.ChangeLog;
import news.dispatch.change.ChangeType;
import news.dispatch.section.Section;
import news.dispatch.tag.Tag;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * Test-side writes until the write API exists: each changes an article and records the change in
 * the change feed in one transaction, as the write API will. The article row is locked first, as
 * a write would (and as the due-changes job does).
 */
@ApplicationScoped
public class ContentChanges {

    private final EntityManager em;
    private final ChangeLog log;

    public ContentChanges(EntityManager em, ChangeLog log) {
        this.em = em;
        this.log = log;
    }

    /** Saves a new article and records it (publish when it is published, otherwise nothing). */
    public Article create(Fixtures.ArticleBuilder builder) {
        Article a = builder.save();
        if (a.status == ArticleStatus.PUBLISHED) {
            change(a.id, ChangeType.PUBLISH, x -> { });
        }
        return a;
    }

    public ChangeEvent change(UUID id, ChangeType type, Consumer<Article> edit) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Article a = em.find(Article.class, id, LockModeType.PESSIMISTIC_WRITE);
            edit.accept(a);
            a.updatedAt = TestClock.now().truncatedTo(ChronoUnit.MICROS);
            return log.record(type, a);
        });
    }

    public ChangeEvent edit(UUID id, String headline) {
        return change(id, ChangeType.UPDATE, a -> a.headline = headline);
    }

    public ChangeEvent rename(UUID id, String slug) {
        return change(id, ChangeType.UPDATE, a -> a.slug = slug);
    }

    public ChangeEvent publish(UUID id) {
        return change(id, ChangeType.PUBLISH, a -> {
            a.status = ArticleStatus.PUBLISHED;
            a.publishedAt = TestClock.now().truncatedTo(ChronoUnit.MICROS);
            if (a.firstPublishedAt == null) {
                a.firstPublishedAt = a.publishedAt;
            }
        });
    }

    public ChangeEvent unpublish(UUID id) {
        return change(id, ChangeType.UNPUBLISH, a -> a.status = ArticleStatus.UNPUBLISHED);
    }

    public ChangeEvent delete(UUID id) {
        return change(id, ChangeType.DELETE, a -> a.deletedAt = TestClock.now().truncatedTo(ChronoUnit.MICROS));
    }

    public ChangeEvent rights(UUID id, boolean allowed, Instant embargoUntil) {
        return change(id, ChangeType.RIGHTS, a -> {
            a.syndicationAllowed = allowed;
            a.embargoUntil = embargoUntil == null ? null : embargoUntil.truncatedTo(ChronoUnit.MICROS);
        });
    }

    public ChangeEvent move(UUID id, Section section) {
        return change(id, ChangeType.UPDATE, a -> a.section = em.find(Section.class, section.id));
    }

    /** Replaces the article's tags. */
    public ChangeEvent retag(UUID id, List<Tag> tags) {
        return change(id, ChangeType.UPDATE, a -> {
            em.createQuery("delete from ArticleTag t where t.article.id = :id").setParameter("id", id).executeUpdate();
            int position = 0;
            for (Tag t : tags) {
                em.persist(new ArticleTag(a, em.find(Tag.class, t.id), position++));
            }
        });
    }
}
