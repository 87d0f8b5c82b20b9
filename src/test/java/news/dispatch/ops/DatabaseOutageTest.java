package news.dispatch.ops;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import news.dispatch.article.Article;
import news.dispatch.section.Section;
import news.dispatch.testsupport.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * Issue 7: the application starts while PostgreSQL is down, answers 503 problem+json (never a hang,
 * never a 500) while it is down or crashes under load, and serves again by itself when it returns.
 * Runs against a private cluster ({@link PrivatePostgres}); skipped where one cannot be made.
 */
@QuarkusTest
@TestProfile(DatabaseOutageTest.PrivateCluster.class)
@ExtendWith(PrivatePostgresAvailable.class)
class DatabaseOutageTest {

    /** A 503 must come well within this (acquisition timeout 3 s, login timeout 2 s). */
    private static final Duration QUICK = Duration.ofSeconds(6);

    public static class PrivateCluster implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "quarkus.flyway.clean-at-start", "false",
                    "%pg.quarkus.flyway.clean-at-start", "false",
                    "dispatch.ops.migrations.retry-initial", "200MS",
                    "dispatch.ops.migrations.retry-max", "1S");
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(PrivatePostgres.class));
        }
    }

    @Inject
    Fixtures fixtures;

    @TestHTTPResource("/")
    URL base;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void startsWithoutDatabaseAnswers503DuringOutagesAndRecoversByItself() throws Exception {
        // 1. Started while the database is down: alive, not ready, the API says 503.
        given().when().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().when().get("/q/health/ready").then().statusCode(503).body("status", equalTo("DOWN"))
                .body("checks.find { it.name == 'Database schema' }.data.state", equalTo("waiting_for_database"));
        assertUnavailable(call("/v1/sections"));

        // 2. The database comes up: migrations run, the service becomes ready and serves.
        PrivatePostgres.startServer();
        awaitReady(Duration.ofSeconds(60));
        Section section = fixtures.section("Outage");
        Article article = fixtures.article("Still here after the outage").section(section)
                .publishedAt(Instant.parse("2024-03-01T10:00:00Z")).save();
        given().when().get("/v1/articles/" + article.slug).then().statusCode(200)
                .body("headline", equalTo("Still here after the outage"));

        // 3. Under load, the database crashes and later returns.
        List<String> paths = List.of("/v1/articles/" + article.slug, "/v1/sections/" + section.slug,
                "/v1/articles?section=" + section.slug);
        ConcurrentLinkedQueue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService load = Executors.newFixedThreadPool(4);
        for (int i = 0; i < 4; i++) {
            int offset = i;
            load.submit(() -> {
                int n = offset;
                while (running.get()) {
                    outcomes.add(call(paths.get(n++ % paths.size())));
                }
                return null;
            });
        }
        try {
            Thread.sleep(1000);
            PrivatePostgres.stopServer("immediate");
            Instant down = Instant.now();
            Thread.sleep(1500);
            assertUnavailable(call("/v1/articles/" + article.slug));
            assertUnavailable(call("/v1/sections"));
            given().when().get("/q/health/ready").then().statusCode(503).body("status", equalTo("DOWN"));
            given().when().get("/q/health/live").then().statusCode(200);

            PrivatePostgres.startServer();
            awaitReady(Duration.ofSeconds(60));
            Instant back = Instant.now();
            Thread.sleep(2000);
            running.set(false);
            load.shutdown();
            assertThat(load.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

            List<Outcome> all = List.copyOf(outcomes);
            assertThat(all).as("requests made under load").hasSizeGreaterThan(20);
            assertThat(all).as("only 200 or 503 problem+json, each answered quickly").allSatisfy(o -> {
                assertThat(o.status).isIn(200, 503);
                if (o.status == 503) {
                    assertThat(o.contentType).startsWith("application/problem+json");
                    assertThat(o.retryAfter).isNotNull();
                    assertThat(o.body).contains("urn:dispatch:problem:service-unavailable").doesNotContain("SQL");
                }
                assertThat(o.took).isLessThan(QUICK);
            });
            assertThat(all).as("the outage was seen").anyMatch(o -> o.status == 503);
            assertThat(all.stream().filter(o -> o.started.isAfter(back.plusMillis(500))))
                    .as("full service once the database is back (down at %s, back at %s)", down, back)
                    .isNotEmpty().allSatisfy(o -> assertThat(o.status).isEqualTo(200));
        } finally {
            running.set(false);
            load.shutdownNow();
        }

        // 4. Nothing written before the crash is lost.
        given().when().get("/v1/articles/" + article.slug).then().statusCode(200)
                .body("headline", equalTo("Still here after the outage"));
        given().queryParam("section", section.slug).when().get("/v1/articles").then().statusCode(200)
                .body("items.slug", hasItem(article.slug));
    }

    private Outcome call(String path) {
        Instant started = Instant.now();
        long t0 = System.nanoTime();
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base.toString()).resolve(path))
                    .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
            return new Outcome(path, started, response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("Retry-After").orElse(null), response.body(), Duration.ofNanos(System.nanoTime() - t0));
        } catch (Exception e) {
            return new Outcome(path, started, -1, "", null, e.toString(), Duration.ofNanos(System.nanoTime() - t0));
        }
    }

    private static void assertUnavailable(Outcome o) {
        assertThat(o.status).as("status of %s", o.path).isEqualTo(503);
        assertThat(o.took).as("time to answer %s", o.path).isLessThan(QUICK);
        assertThat(o.contentType).startsWith("application/problem+json");
        assertThat(o.retryAfter).isEqualTo("5");
        assertThat(o.body).contains("\"type\":\"urn:dispatch:problem:service-unavailable\"", "\"status\":503",
                "\"instance\":\"urn:dispatch:request:");
    }

    private static void awaitReady(Duration within) throws InterruptedException {
        Instant deadline = Instant.now().plus(within);
        while (Instant.now().isBefore(deadline)) {
            if (given().when().get("/q/health/ready").statusCode() == 200) {
                return;
            }
            Thread.sleep(200);
        }
        given().when().get("/q/health/ready").then().statusCode(200);
    }

    private record Outcome(String path, Instant started, int status, String contentType, String retryAfter, String body,
                           Duration took) {
    }
}
