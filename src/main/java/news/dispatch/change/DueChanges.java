package news.dispatch.change;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import news.dispatch.article.Article;
import news.dispatch.article.ArticleScheduler;
import news.dispatch.article.ArticleStatus;
import news.dispatch.ops.DueLifts;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * Changes that happen because time passes: a scheduled publication whose time has come goes live
 * (status published, a {@code publish} entry), and an embargo that has passed gets an
 * {@code embargo-lift} entry. Both are idempotent: each article is locked and checked again before
 * it is changed, so overlapping runs (or instances) record nothing twice. Each article is handled
 * in its own transaction, so one failure does not hold back the rest.
 */
@ApplicationScoped
public class DueChanges implements DueLifts {

    static final int BATCH = 100;
    /** How far before the last complete run embargo lifts are still looked for (clocks of other instances, slow commits). */
    static final Duration SLACK = Duration.ofMinutes(10);

    private final EntityManager em;
    private final ChangeLog log;
    private final Clock clock;
    private final ArticleScheduler scheduler;
    /** When the last run that found fewer than a batch of lifts started: every lift due then was recorded. */
    private volatile Instant checkedThrough;

    public DueChanges(EntityManager em, ChangeLog log, Clock clock, ArticleScheduler scheduler) {
        this.em = em;
        this.log = log;
        this.clock = clock;
        this.scheduler = scheduler;
    }

    @Scheduled(identity = "due-changes", every = "${dispatch.changes.due-every:5s}", delayed = "${dispatch.jobs.start-delay}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        run();
    }

    /** Handles what is due now; returns how many entries it recorded. */
    public synchronized int run() {
        Instant now = Instant.now(clock);
        int recorded = 0;
        // Scheduled publications are the write side's job (one implementation, shared with its own timer).
        recorded += scheduler.publishDue();
        Instant since = liftsSince(now);
        List<UUID> lifted = QuarkusTransaction.requiringNew().call(() -> {
            var query = em.createQuery("select a.id from Article a where a.embargoUntil <= :now"
                            + (since == null ? "" : " and a.embargoUntil > :since")
                            + " and a.status = :published and a.deletedAt is null"
                            + " and (select max(e.at) from ChangeEvent e where e.articleId = a.id) < a.embargoUntil"
                            + " order by a.embargoUntil, a.id", UUID.class)
                    .setParameter("published", ArticleStatus.PUBLISHED).setParameter("now", now);
            if (since != null) {
                query.setParameter("since", since);
            }
            return query.setMaxResults(BATCH).getResultList();
        });
        for (UUID id : lifted) {
            recorded += QuarkusTransaction.requiringNew().call(() -> lift(id, now));
        }
        if (lifted.size() < BATCH) {
            checkedThrough = now; // every embargo that had passed by now has its lift recorded
        }
        return recorded;
    }

    /** Makes the next run look at every passed embargo again, as after a start (for a clock that was set back). */
    public void lookAtEveryEmbargo() {
        checkedThrough = null;
    }

    /**
     * The time after which an embargo may have passed without its lift being recorded, or null when every passed
     * embargo must be looked at (before the first complete run, or when the clock went back).
     *
     * <p>An embargo that passed before a complete run had its lift recorded by that run, or needed none: what makes an
     * article published, or changes its embargo, records an entry at that moment, which is after the embargo. So a
     * run looks only at embargoes that passed since the last complete one (less {@link #SLACK}), through the index
     * on {@code embargo_until}, instead of checking every embargo that ever passed against the change feed (305 ms
     * every 5 s at 1,000,000 articles, docs/benchmarks.md finding 16).
     */
    @Override
    public Instant liftsSince(Instant now) {
        Instant through = checkedThrough;
        return through == null || through.isAfter(now) ? null : through.minus(SLACK);
    }

    private int lift(UUID id, Instant now) {
        Article a = em.find(Article.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (a == null || a.embargoUntil == null || a.embargoUntil.isAfter(now) || a.status != ArticleStatus.PUBLISHED
                || a.deletedAt != null) {
            return 0;
        }
        Instant last = em.createQuery("select max(e.at) from ChangeEvent e where e.articleId = :id", Instant.class)
                .setParameter("id", id).getSingleResult();
        if (last == null || !last.isBefore(a.embargoUntil)) {
            return 0;
        }
        log.record(ChangeType.EMBARGO_LIFT, a);
        Log.infof("Embargo of article %s lifted", a.id);
        return 1;
    }
}
