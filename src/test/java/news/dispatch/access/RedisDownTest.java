package news.dispatch.access;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import news.dispatch.testsupport.TestKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URL;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * Redis configured but down (docs/decisions/089): requests are served as if each instance counted alone, on the REST
 * layer and on the event loop, never a 500; the failures show in a metric and in readiness' detail, and readiness
 * stays up. Redis is played by a port nothing listens on. In the PostgreSQL suite only, like the tests with Redis up.
 */
@QuarkusTest
@TestProfile(RedisDownTest.RedisOnAClosedPort.class)
@EnabledIfSystemProperty(named = "quarkus.test.profile", matches = ".*pg.*",
        disabledReason = "runs with -Dpostgresql only, like SharedRateLimitsTest")
class RedisDownTest {

    public static class RedisOnAClosedPort implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("dispatch.access.rate-limit.redis.url", "redis://127.0.0.1:" + closedPort(),
                    // ask Redis on every request, so every path meets the failure
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

    @TestHTTPResource(value = "/health/ready", management = true)
    URL ready;

    @Inject
    TestKeys keys;

    @Inject
    MeterRegistry registry;

    private double failures() {
        var counter = registry.find(RateLimitMetrics.RATE_LIMIT_STORE_FAILURES).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void requestsAreCountedByThisInstanceAloneAndTheFailuresCounted() {
        String secret = keys.create(Map.of("name", "Redis down", "role", "partner", "rateLimit", 3));
        double before = failures();
        int served = 0;
        int refused = 0;
        for (int i = 0; i < 5; i++) {
            int status = keys.as(secret).get("/v1/sections").then().header("RateLimit-Limit", "3").extract().statusCode();
            assertThat(status).isIn(200, 429);
            served += status == 200 ? 1 : 0;
            refused += status == 429 ? 1 : 0;
        }
        // the instance's own count still limits (a window may end in between: then more are served)
        assertThat(served).isBetween(3, 5);
        assertThat(refused).isEqualTo(5 - served);
        assertThat(failures() - before).isGreaterThanOrEqualTo(5.0);
    }

    @Test
    void answersOnTheEventLoopAreServed() {
        String path = "/v1/articles?limit=11";
        given().get(path).then().statusCode(200);
        double before = failures();
        given().get(path).then().statusCode(200).header("RateLimit-Limit", "1000000"); // from the application cache
        given().get("/q/openapi").then().statusCode(200).header("RateLimit-Limit", "1000000");
        assertThat(failures() - before).isGreaterThanOrEqualTo(2.0);
    }

    @Test
    void readinessStaysUpAndSaysTheCountersAreLocal() {
        given().get("/v1/sections").then().statusCode(200);
        given().when().get(ready).then().statusCode(200)
                .body("checks.find { it.name == 'Rate-limit counters' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'Rate-limit counters' }.data.store", equalTo("redis-failing"));
    }
}
