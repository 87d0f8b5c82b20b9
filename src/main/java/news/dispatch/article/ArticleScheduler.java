package news.dispatch.article;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * Publishes scheduled articles when their time comes, with no request needed. Each article is
 * published in its own transaction under a row lock, so several instances can run this safely.
 */
@ApplicationScoped
public class ArticleScheduler {

    private static final int BATCH = 100;

    private final ArticleRepository articles;
    private final ArticleWriteService writes;
    private final Clock clock;

    public ArticleScheduler(ArticleRepository articles, ArticleWriteService writes, Clock clock) {
        this.articles = articles;
        this.writes = writes;
        this.clock = clock;
    }

    @Scheduled(identity = "publish-scheduled-articles", every = "${dispatch.articles.schedule-check:10s}",
            delayed = "${dispatch.jobs.start-delay}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        publishDue();
    }

    /** Publishes every scheduled article whose time has come; returns how many. */
    public int publishDue() {
        int published = 0;
        while (true) {
            var due = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew()
                    .call(() -> articles.findDueScheduled(Instant.now(clock), BATCH));
            int before = published;
            for (UUID id : due) {
                if (writes.publishScheduled(id)) {
                    published++;
                }
            }
            if (due.size() < BATCH || published == before) {
                return published;
            }
        }
    }
}
