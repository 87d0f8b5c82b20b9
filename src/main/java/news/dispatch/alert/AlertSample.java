package news.dispatch.alert;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import news.dispatch.article.Article;
import news.dispatch.change.ChangeLog;
import news.dispatch.change.ChangeType;
import news.dispatch.live.LiveBlogSample;
import news.dispatch.sample.SamplePart;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * The sample alert: issued at start for the sample live blog's latest key event, active for 7 days, so that
 * {@code GET /v1/alerts} shows something on a fresh sample database. Runs after the live blog sample.
 */
@ApplicationScoped
public class AlertSample extends SamplePart {

    private final EntityManager em;
    private final ChangeLog changes;
    private final Clock clock;

    public AlertSample(EntityManager em, ChangeLog changes, Clock clock) {
        super(3); // after the live blog, whose latest key event it points to
        this.em = em;
        this.changes = changes;
        this.clock = clock;
    }

    /** Answers whether it issued the alert (only when the blog is there and has none yet). */
    @Override
    @Transactional
    public boolean load() {
        List<Article> blogs = em.createQuery("from Article a where a.slug = :slug", Article.class)
                .setParameter("slug", LiveBlogSample.SLUG).getResultList();
        if (blogs.isEmpty()) {
            return false;
        }
        Article blog = blogs.get(0);
        long existing = em.createQuery("select count(al) from Alert al where al.articleId = :id", Long.class)
                .setParameter("id", blog.id).getSingleResult();
        if (existing > 0) {
            return false;
        }
        List<UUID> entry = em.createQuery("select e.id from LiveEntry e where e.articleId = :id and e.keyEvent = true"
                        + " and e.deletedAt is null order by e.at desc", UUID.class)
                .setParameter("id", blog.id).setMaxResults(1).getResultList();
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.SECONDS);
        Alert alert = new Alert();
        alert.articleId = blog.id;
        alert.entryId = entry.isEmpty() ? null : entry.get(0);
        alert.level = AlertLevel.BREAKING;
        alert.title = "Polls close in the Kurdistan Region parliamentary election";
        alert.body = "Preliminary results are expected within 24 hours. Follow our live coverage.";
        alert.topics = "politics";
        alert.createdAt = now;
        alert.expiresAt = now.plus(Duration.ofDays(7));
        em.persist(alert);
        changes.record(ChangeType.ALERT, blog);
        Log.info("Issued the sample alert");
        return true;
    }
}
