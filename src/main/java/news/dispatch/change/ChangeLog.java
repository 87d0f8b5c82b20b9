package news.dispatch.change;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import news.dispatch.article.Article;
import news.dispatch.article.ArticleStatus;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Appends to the change feed inside the caller's transaction (an outbox). The single counter row
 * is updated first, which locks it until commit: concurrent writers take numbers one after the
 * other, so a reader that has seen number n will never later find a committed n-1. Holding that
 * lock also means the article's previous entry, read next, is the latest committed one.
 */
@ApplicationScoped
public class ChangeLog {

    private final Clock clock;

    public ChangeLog(Clock clock) {
        this.clock = clock;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public ChangeEvent record(ChangeType type, Article article) {
        var em = Panache.getEntityManager();
        em.flush();
        em.createNativeQuery("update change_counter set last_seq = last_seq + 1 where id = 1").executeUpdate();
        long seq = ((Number) em.createNativeQuery("select last_seq from change_counter where id = 1").getSingleResult()).longValue();
        Long prev = em.createQuery("select max(e.seq) from ChangeEvent e where e.articleId = :id", Long.class)
                .setParameter("id", article.id).getSingleResult();
        List<UUID> tags = em.createQuery("select t.tag.id from ArticleTag t where t.article.id = :id order by t.position",
                UUID.class).setParameter("id", article.id).getResultList();

        ChangeEvent event = new ChangeEvent();
        event.seq = seq;
        event.type = type;
        event.articleId = article.id;
        event.slug = article.slug;
        event.at = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        event.prevSeq = prev;
        event.live = type != ChangeType.DELETE && article.deletedAt == null && article.status == ArticleStatus.PUBLISHED;
        event.sectionId = article.section == null ? null : article.section.id;
        event.tagIds = tags.stream().map(UUID::toString).collect(Collectors.joining(","));
        event.syndicationAllowed = article.syndicationAllowed;
        event.embargoUntil = article.embargoUntil;
        em.persist(event);
        return event;
    }
}
