package news.dispatch.cache;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import news.dispatch.article.Article;
import news.dispatch.testsupport.Databases;
import news.dispatch.testsupport.Fixtures;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Invalidation across instances on PostgreSQL (docs/decisions/087-invalidation-across-instances.md): a write
 * announces its purge keys inside its transaction, and the notifications of other instances invalidate here.
 * The other instance is played by a plain JDBC connection on the same database.
 */
@QuarkusTest
class BroadcastInvalidationTest {

    @Inject
    Fixtures fixtures;

    @Inject
    ContentCache cache;

    @Inject
    PurgeBroadcast broadcast;

    @Inject
    EntityManager em;

    @BeforeEach
    void onPostgres() {
        assumeTrue(Databases.postgres(), "LISTEN/NOTIFY is PostgreSQL's; the embedded database serves one instance");
        await(broadcast::connected, "the listener connects");
    }

    private static Connection connect() throws SQLException {
        var config = ConfigProvider.getConfig();
        return DriverManager.getConnection(config.getValue("quarkus.datasource.jdbc.url", String.class),
                config.getOptionalValue("quarkus.datasource.username", String.class).orElse(""),
                config.getOptionalValue("quarkus.datasource.password", String.class).orElse(""));
    }

    private static void await(java.util.function.BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as(what).isLessThan(deadline);
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private static List<String> notifications(Connection listener, Duration within) throws SQLException {
        List<String> payloads = new ArrayList<>();
        PGConnection pg = listener.unwrap(PGConnection.class);
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            PGNotification[] batch = pg.getNotifications(100);
            if (batch != null) {
                for (PGNotification n : batch) {
                    payloads.add(n.getParameter());
                }
            }
        }
        return payloads;
    }

    @Test
    void aWriteAnnouncesItsKeysWhenItCommitsAndNeverWhenItRollsBack() throws Exception {
        Article article = fixtures.article("Announced edit").publishedAt(Instant.parse("2024-04-01T08:00:00Z")).save();
        try (Connection listener = connect(); Statement listen = listener.createStatement()) {
            listen.execute("LISTEN " + PurgeBroadcast.CHANNEL);
            try {
                QuarkusTransaction.requiringNew().run(() -> {
                    em.find(Article.class, article.id).headline = "Announced, then rolled back";
                    em.flush();
                    throw new IllegalStateException("roll back");
                });
            } catch (IllegalStateException expected) {
                // rolled back
            }
            assertThat(notifications(listener, Duration.ofMillis(500))).as("a rolled back write").isEmpty();

            fixtures.update(article, a -> a.headline = "Announced edit, committed");
            List<String> received = notifications(listener, Duration.ofMillis(1000));
            assertThat(received).hasSize(1);
            assertThat(received.get(0)).contains("\"article-" + article.id + "\"").contains("\"search\"");
        }
    }

    @Test
    void anotherInstancesWriteInvalidatesHere() throws Exception {
        Article shown = fixtures.article("Shown on two instances").publishedAt(Instant.parse("2024-04-02T08:00:00Z")).save();
        Article other = fixtures.article("Left alone").publishedAt(Instant.parse("2014-04-02T08:00:00Z")).save();
        String path = "/v1/articles/" + shown.slug;
        String untouched = "/v1/articles/" + other.slug;
        given().get(path).then().statusCode(200);
        given().get(untouched).then().statusCode(200);
        ContentCache.Entry before = cache.find(path + "?");
        assertThat(before).isNotNull();
        try (Connection elsewhere = connect(); PreparedStatement notify = elsewhere.prepareStatement("select pg_notify(?, ?)")) {
            notify.setString(1, PurgeBroadcast.CHANNEL);
            notify.setString(2, "{\"i\":\"another-instance\",\"k\":[\"article-" + shown.id + "\"]}");
            notify.execute();
        }
        // dropped, and (the story's own page) computed again at once (decision 086)
        await(() -> cache.find(path + "?") != before, "the other instance's invalidation arrives");
        assertThat(cache.find(untouched + "?")).as("what the write did not touch stays").isNotNull();
    }

    @Test
    void aListenerThatLostItsConnectionClearsTheCacheOnceBack() throws Exception {
        Article article = fixtures.article("Cached across an outage").publishedAt(Instant.parse("2024-04-03T08:00:00Z")).save();
        String path = "/v1/articles/" + article.slug;
        given().get(path).then().statusCode(200);
        assertThat(cache.find(path + "?")).isNotNull();
        try (Connection admin = connect(); Statement kill = admin.createStatement()) {
            kill.execute("select pg_terminate_backend(pid) from pg_stat_activity where application_name = 'dispatch-purge-listener'");
        }
        await(() -> cache.find(path + "?") == null, "the listener connects again and clears what it may have missed");
        await(broadcast::connected, "the listener is back");
    }
}
