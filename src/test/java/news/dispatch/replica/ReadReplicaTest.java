package news.dispatch.replica;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import news.dispatch.article.Article;
import news.dispatch.ops.PrivatePostgresAvailable;
import news.dispatch.section.Section;
import news.dispatch.testsupport.Fixtures;
import news.dispatch.testsupport.TestKeys;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 25, item 3: with a streaming replica (a private primary and replica, {@link PrivateReplicaPair}), public and
 * partner reads are served by the replica and editors read the primary; a write through the API is never followed by
 * an older answer, and the edges are purged at once and again once the replica has replayed it; a replica that lags beyond max-lag
 * or is stopped is bypassed, with no 5xx and readiness UP with the detail (docs/decisions/093-read-replicas.md).
 * The replica's WAL replay is paused ({@code pg_wal_replay_pause()}) to hold it behind the primary at will.
 */
@QuarkusTest
@TestProfile(ReadReplicaTest.PrimaryAndReplica.class)
@ExtendWith(PrivatePostgresAvailable.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReadReplicaTest {

    static final int EDGE_PORT = freePort();
    static final ConcurrentLinkedQueue<String> PURGES = new ConcurrentLinkedQueue<>();
    static HttpServer edge;

    public static class PrimaryAndReplica implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "dispatch.db.replica.max-lag", "3S",
                    "dispatch.db.replica.probe-every", "200MS",
                    "dispatch.cache.purge-urls", "http://127.0.0.1:" + EDGE_PORT + "/");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(PrivateReplicaPair.class));
        }
    }

    @Inject
    Fixtures fixtures;

    @Inject
    TestKeys keys;

    @TestHTTPResource(value = "/health/ready", management = true)
    URL ready;

    @TestHTTPResource(value = "/metrics", management = true)
    URL metrics;

    @BeforeAll
    static void startEdge() throws IOException {
        edge = HttpServer.create(new InetSocketAddress("127.0.0.1", EDGE_PORT), 16);
        edge.createContext("/", exchange -> {
            PURGES.add(exchange.getRequestHeaders().getFirst("xkey-purge"));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        edge.start();
    }

    @AfterAll
    static void stopEdge() {
        if (edge != null) {
            edge.stop(0);
        }
    }

    @Test
    @Order(1)
    void publicAndPartnerReadsAreServedByTheReplicaEditorsReadThePrimaryALaggingReplicaIsBypassed() throws Exception {
        Section section = fixtures.section(Fixtures.unique("Replica"));
        Article article = fixtures.article("Read from the replica").section(section)
                .publishedAt(Instant.parse("2024-06-01T08:00:00Z")).save();
        awaitReplicaInUse();
        String path = "/v1/articles/" + article.slug;
        double before = metric("dispatch_db_replica_reads_total{served_by=\"replica\"}");
        // a variant nobody asked for yet (the writer computed the page itself when the story was saved, decision 086)
        given().get(path + "?fields=slug").then().statusCode(200);
        assertThat(metric("dispatch_db_replica_reads_total{served_by=\"replica\"}")).isGreaterThan(before);

        pauseReplay();
        try {
            // Changed on the primary behind the application's back: only the primary has the new headline.
            sql("update article set headline = 'Changed on the primary only' where id = '" + article.id + "'");
            assertThat(replicaHeadline(article)).isEqualTo("Read from the replica");

            assertThat(given().get(path + "?fields=slug,headline").then().statusCode(200).extract().<String>path("headline"))
                    .as("anonymous: served by the replica").isEqualTo("Read from the replica");
            assertThat(keys.asPartner().get(path).then().statusCode(200).extract().<String>path("headline"))
                    .as("partner: served by the replica").isEqualTo("Read from the replica");
            assertThat(keys.asEditor().get(path).then().statusCode(200).extract().<String>path("headline"))
                    .as("editor: served by the primary").isEqualTo("Changed on the primary only");

            // Held behind for longer than max-lag (3 s): bypassed; readiness stays UP and says so.
            await(Duration.ofSeconds(15), () -> "lagging".equals(replicaCheck().getString("data.state")));
            JsonPath check = replicaCheck();
            assertThat(check.getString("status")).isEqualTo("UP");
            assertThat(check.getString("data.problem")).contains("behind the primary");
            given().get(ready).then().statusCode(200);
            assertThat(metric("dispatch_db_replica_in_use")).isZero();
            assertThat(metric("dispatch_db_replica_lag_seconds")).isGreaterThan(3.0);
            assertThat(given().get(path + "?fields=slug,headline,id").then().statusCode(200).extract().<String>path("headline"))
                    .as("anonymous, replica bypassed: the primary").isEqualTo("Changed on the primary only");
        } finally {
            resumeReplay();
        }
        awaitReplicaInUse();
        assertThat(keys.asPartner().get(path).then().statusCode(200).extract().<String>path("headline"))
                .isEqualTo("Changed on the primary only");
    }

    @Test
    @Order(2)
    void aWriteThroughTheApiIsNeverFollowedByAnOlderAnswerAndPurgedAgainOnceTheReplicaHasIt() throws Exception {
        Section section = fixtures.section(Fixtures.unique("Replica writes"));
        Article article = fixtures.article("Before the edit").section(section)
                .publishedAt(Instant.parse("2024-06-02T08:00:00Z")).save();
        String path = "/v1/articles/" + article.slug;
        String list = "/v1/sections/" + section.slug + "/articles";
        awaitReplicaInUse();
        // Cached from the replica.
        given().get(path).then().statusCode(200);
        given().get(list).then().statusCode(200);
        String etag = keys.asEditor().get("/v1/articles/" + article.id).then().statusCode(200).extract().header("ETag");

        pauseReplay();
        try {
            PURGES.clear();
            keys.asEditor().contentType("application/merge-patch+json").header("If-Match", etag)
                    .body("{\"headline\": \"After the edit\"}")
                    .patch("/v1/articles/" + article.id).then().statusCode(200);
            // The write has returned; the replica has not replayed it (it could not: replay is paused) ...
            assertThat(replicaHeadline(article)).isEqualTo("Before the edit");
            // ... and no public answer is older than it, cached or computed again.
            for (int i = 0; i < 10; i++) {
                assertThat(given().get(path).then().statusCode(200).extract().<String>path("headline")).isEqualTo("After the edit");
                assertThat(given().get(list).then().statusCode(200).extract().<List<String>>path("items.headline"))
                        .contains("After the edit");
                assertThat(keys.asPartner().get(path).then().statusCode(200).extract().<String>path("headline"))
                        .isEqualTo("After the edit");
            }
            // The edges were purged once, at once; not the second time yet: an edge could have fetched the article
            // again in between from an instance that had not yet heard of the write.
            Thread.sleep(300);
            assertThat(PURGES).filteredOn(p -> p.contains("article-" + article.id)).hasSize(1);
        } finally {
            resumeReplay();
        }
        await(Duration.ofSeconds(10), () -> PURGES.stream().filter(p -> p.contains("article-" + article.id)).count() == 2);
        assertThat(replicaHeadline(article)).isEqualTo("After the edit");
        awaitReplicaInUse();
        double before = metric("dispatch_db_replica_reads_total{served_by=\"replica\"}");
        assertThat(given().get(path + "?fields=headline").then().statusCode(200).extract().<String>path("headline"))
                .isEqualTo("After the edit");
        assertThat(metric("dispatch_db_replica_reads_total{served_by=\"replica\"}")).as("the replica serves again")
                .isGreaterThan(before);
    }

    @Test
    @Order(3)
    void aStoppedReplicaGivesNo5xxAndIsUsedAgainOnceBack() throws Exception {
        Section section = fixtures.section(Fixtures.unique("Replica outage"));
        List<Article> articles = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            articles.add(fixtures.article("Outage " + i).section(section)
                    .publishedAt(Instant.parse("2024-06-03T08:00:00Z").plusSeconds(i)).save());
        }
        awaitReplicaInUse();
        String partner = keys.partner();
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<Integer> statuses = new ConcurrentLinkedQueue<>();
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService load = Executors.newFixedThreadPool(3);
        for (int t = 0; t < 3; t++) {
            load.submit(() -> {
                while (running.get()) {
                    ThreadLocalRandom random = ThreadLocalRandom.current();
                    Article a = articles.get(random.nextInt(articles.size()));
                    // Partners' answers are never cached, and anonymous ones vary by limit: most reach the database.
                    String path = random.nextBoolean() ? "/v1/articles/" + a.slug
                            : "/v1/sections/" + section.slug + "/articles?limit=" + (1 + random.nextInt(50));
                    int status = (random.nextBoolean() ? keys.as(partner) : given()).get(path).statusCode();
                    statuses.add(status);
                    if (status != 200) {
                        failures.add(status + " " + path);
                    }
                }
                return null;
            });
        }
        try {
            Thread.sleep(1000);
            PrivateReplicaPair.stopReplica("immediate");
            Thread.sleep(3000);
            JsonPath check = replicaCheck();
            assertThat(check.getString("status")).isEqualTo("UP");
            assertThat(check.getString("data.state")).isEqualTo("unreachable");
            given().get(ready).then().statusCode(200);
            assertThat(metric("dispatch_db_replica_in_use")).isZero();
            Thread.sleep(500);
        } finally {
            running.set(false);
            load.shutdown();
            assertThat(load.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(statuses).as("reads made while the replica went down").hasSizeGreaterThan(20);
        assertThat(failures).as("every read answered 200").isEmpty();

        PrivateReplicaPair.startReplica();
        awaitReplicaInUse();
        double before = metric("dispatch_db_replica_reads_total{served_by=\"replica\"}");
        keys.as(partner).get("/v1/articles/" + articles.get(0).slug).then().statusCode(200);
        assertThat(metric("dispatch_db_replica_reads_total{served_by=\"replica\"}")).isGreaterThan(before);
    }

    // --- helpers

    private JsonPath replicaCheck() {
        JsonPath health = given().get(ready).then().extract().jsonPath();
        return new JsonPath(health.prettify()).setRootPath("checks.find { it.name == 'Database replica' }");
    }

    private void awaitReplicaInUse() {
        await(Duration.ofSeconds(60), () -> "in_use".equals(replicaCheck().getString("data.state")));
        // and caught up with the writes made so far: a read is served by it
        await(Duration.ofSeconds(30), () -> {
            double before = metric("dispatch_db_replica_reads_total{served_by=\"replica\"}");
            keys.asPartner().get("/v1/sections").then().statusCode(200); // a partner's answer is never cached
            return metric("dispatch_db_replica_reads_total{served_by=\"replica\"}") > before;
        });
    }

    private double metric(String name) {
        String text = given().get(metrics).then().statusCode(200).extract().asString();
        for (String line : text.split("\n")) {
            if (line.startsWith(name + " ")) {
                return Double.parseDouble(line.substring(name.length() + 1).trim());
            }
        }
        throw new AssertionError("no metric " + name);
    }

    private static void await(Duration atMost, BooleanSupplier condition) {
        Instant end = Instant.now().plus(atMost);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(end)) {
                throw new AssertionError("not within " + atMost);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    private static void sql(String statement) throws SQLException {
        try (Connection c = PrivateReplicaPair.primary(); Statement st = c.createStatement()) {
            st.execute(statement);
        }
    }

    private static String replicaHeadline(Article article) throws SQLException {
        try (Connection c = PrivateReplicaPair.replica();
             PreparedStatement st = c.prepareStatement("select headline from article where id = ?")) {
            st.setObject(1, article.id);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private static void pauseReplay() throws SQLException {
        try (Connection c = PrivateReplicaPair.replica(); Statement st = c.createStatement()) {
            st.execute("select pg_wal_replay_pause()");
        }
    }

    private static void resumeReplay() throws SQLException {
        try (Connection c = PrivateReplicaPair.replica(); Statement st = c.createStatement()) {
            st.execute("select pg_wal_replay_resume()");
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
