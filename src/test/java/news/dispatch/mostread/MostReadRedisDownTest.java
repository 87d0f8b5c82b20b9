package news.dispatch.mostread;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import news.dispatch.article.Article;
import news.dispatch.section.Section;
import news.dispatch.testsupport.Fixtures;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Instant;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;

/**
 * Most read with Redis configured but down (docs/decisions/154): beacons are answered 204 and counted in memory,
 * answers come from memory, never a 500; each failure adds to the metric. Redis is a port nothing listens on. In the
 * PostgreSQL suite only, like access/RedisDownTest.
 */
@QuarkusTest
@TestProfile(MostReadRedisDownTest.RedisOnAClosedPort.class)
@EnabledIfSystemProperty(named = "quarkus.test.profile", matches = ".*pg.*",
        disabledReason = "runs with -Dpostgresql only, like MostReadRedisTest")
class MostReadRedisDownTest {

    static final Instant T = Instant.parse("2021-07-10T09:30:00Z");

    public static class RedisOnAClosedPort implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            String url = "redis://127.0.0.1:" + closedPort();
            return Map.of("dispatch.access.rate-limit.redis.url", url,
                    "dispatch.most-read.key-prefix", "dispatch-test:most-read-down:",
                    // ask Redis on every call, so every path meets the failure
                    "dispatch.most-read.retry-after", "0s",
                    "dispatch.access.rate-limit.redis.retry-after", "0s");
        }

        private static int closedPort() {
            try (ServerSocket socket = new ServerSocket(0)) {
                return socket.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Inject
    Fixtures fixtures;
    @Inject
    MeterRegistry registry;
    @Inject
    MostReadService service;

    double failures() {
        var counter = registry.find(MostReadService.STORE_FAILURES).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void beaconsAndAnswersAreServedFromMemoryAndTheFailuresCounted() {
        Section section = fixtures.section("Most read, Redis down");
        Article a = fixtures.article("Read while Redis is down").section(section).publishedAt(T).save();
        double before = failures();
        given().header("User-Agent", MostReadTest.BROWSER).post("/v1/articles/" + a.id + "/reads").then().statusCode(204);
        given().header("User-Agent", MostReadTest.BROWSER).post("/v1/articles/" + a.id + "/reads").then().statusCode(204);
        given().queryParam("window", "1h").queryParam("section", section.slug).get("/v1/most-read")
                .then().statusCode(200).body("items.article.slug", contains(a.slug)).body("items.reads", contains(1));
        assertThat(failures() - before).isGreaterThanOrEqualTo(3.0);
        assertThat(service.store()).isEqualTo("redis-failing");
    }
}
