package news.dispatch.change;

import io.quarkus.hibernate.orm.panache.Panache;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import news.dispatch.article.Article;
import news.dispatch.article.ArticleChanges;
import news.dispatch.article.ArticleStatus;
import news.dispatch.cache.ContentChanged;
import news.dispatch.common.TaxonomyChanges;

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
 * <p>
 * Every entry is content: the public change feed comes from the application cache (decision 062),
 * so each way of appending invalidates it after commit. {@link #record} persists an entity, which
 * the cache's Hibernate interceptor notices; {@link #recordUpdates} inserts by SQL and fires
 * {@link ContentChanged}.
 */
@ApplicationScoped
public class ChangeLog implements ArticleChanges, TaxonomyChanges {

    /**
     * The articles of a section, tag or byline, as a condition on the article alias {@code a} with the
     * parameter {@code :carrier}: what a taxonomy write changes the look of.
     */
    private static String condition(Carrier carrier) {
        return switch (carrier) {
            case SECTION -> "a.section_id = :carrier";
            case TAG -> "exists (select 1 from article_tag c where c.article_id = a.id and c.tag_id = :carrier)";
            case BYLINE -> "exists (select 1 from article_byline c where c.article_id = a.id and c.byline_id = :carrier)";
        };
    }

    private final Clock clock;
    private final Event<ContentChanged> changed;

    public ChangeLog(Clock clock, Event<ContentChanged> changed) {
        this.clock = clock;
        this.changed = changed;
    }

    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(ArticleChanges.Kind kind, Article article) {
        record(ChangeType.valueOf(kind.name()), article);
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

    /**
     * A change of a curated front (docs/decisions/153): a {@code front} entry under the front's id and slug, with no
     * section, tags or embargo, {@code live} unless the front was deleted. Numbers are taken as in {@link #record}.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public ChangeEvent recordFront(UUID id, String slug, boolean live) {
        var em = Panache.getEntityManager();
        em.flush();
        em.createNativeQuery("update change_counter set last_seq = last_seq + 1 where id = 1").executeUpdate();
        long seq = ((Number) em.createNativeQuery("select last_seq from change_counter where id = 1").getSingleResult()).longValue();
        ChangeEvent event = new ChangeEvent();
        event.seq = seq;
        event.type = ChangeType.FRONT;
        event.articleId = id;
        event.slug = slug;
        event.at = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        event.prevSeq = em.createQuery("select max(e.seq) from ChangeEvent e where e.articleId = :id", Long.class)
                .setParameter("id", id).getSingleResult();
        event.live = live;
        em.persist(event);
        return event;
    }

    /**
     * After a write of a section, tag or byline: when what articles show of it ({@code shownBefore},
     * {@code shownAfter}) differs, records an {@code update} for each of its live articles.
     */
    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public int recordUpdates(Carrier carrier, UUID id, List<?> shownBefore, List<?> shownAfter) {
        return shownBefore.equals(shownAfter) ? 0 : recordUpdates(carrier, id);
    }

    /**
     * Records an {@code update} for every live article of a section, tag or byline whose look a write
     * changed (a rename, a merge; docs/decisions/056), with the state each article has in this
     * transaction: one statement whatever the number of articles. Numbers are taken under the counter
     * lock as in {@link #record}, in article id order. Answers how many entries it wrote.
     */
    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public int recordUpdates(Carrier carrier, UUID id) {
        var em = Panache.getEntityManager();
        em.flush();
        em.createNativeQuery("update change_counter set last_seq = last_seq where id = 1").executeUpdate();
        long last = ((Number) em.createNativeQuery("select last_seq from change_counter where id = 1").getSingleResult()).longValue();
        int written = em.createNativeQuery("insert into change_event (seq, type, article_id, slug, at, prev_seq, live, section_id,"
                        + " tag_ids, syndication_allowed, embargo_until)"
                        + " select :last + row_number() over (order by a.id), 'update', a.id, a.slug, :at,"
                        + " (select max(e.seq) from change_event e where e.article_id = a.id), true, a.section_id,"
                        + " coalesce((select string_agg(cast(t.tag_id as varchar), ',' order by t.position) from article_tag t"
                        + " where t.article_id = a.id), ''), a.syndication_allowed, a.embargo_until"
                        + " from article a where a.status = 'published' and a.deleted_at is null and " + condition(carrier))
                .setParameter("last", last)
                .setParameter("at", Instant.now(clock).truncatedTo(ChronoUnit.MICROS))
                .setParameter("carrier", id)
                .executeUpdate();
        if (written > 0) {
            em.createNativeQuery("update change_counter set last_seq = last_seq + :written where id = 1")
                    .setParameter("written", written).executeUpdate();
            // Rows the Hibernate interceptor does not see: the public change feed shows them once this commits.
            changed.fire(new ContentChanged("change feed: " + written + " updates"));
        }
        return written;
    }
}
