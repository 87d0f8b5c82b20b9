package news.dispatch.access;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.smallrye.mutiny.TimeoutException;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.RedisAPI;
import jakarta.inject.Inject;
import news.dispatch.testsupport.RedisAvailable;
import news.dispatch.testsupport.TestKeys;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;

/**
 * Issue 25: with Redis configured a key's rate limit holds across instances (docs/decisions/089). This application
 * is one instance; the other is played by counters of its own, over a Redis client and Vert.x of its own, on the
 * same Redis and key prefix. Requests to this application, on the REST layer (a worker thread) and on the event
 * loop (answers from the application cache, the OpenAPI document), see what the other instance counted.
 */
@QuarkusTest
@TestProfile(SharedRateLimitsTest.SharedInRedis.class)
@ExtendWith(RedisAvailable.class)
class SharedRateLimitsTest {

    /**
     * Keys of this run only: nothing left in Redis by another run (or another engineer's) counts here. Kept in a
     * system property: the profile and the test may be loaded by different class loaders, each with its statics.
     */
    static final String PREFIX = (String) System.getProperties().computeIfAbsent("dispatch.test.rate-limit-prefix",
            name -> "dispatch-test:" + UUID.randomUUID() + ":rl:");
    static final long WINDOW_MILLIS = 3_600_000;
    static final AtomicInteger ADDRESSES = new AtomicInteger(10);

    public static class SharedInRedis implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("dispatch.access.rate-limit.redis.url", RedisAvailable.url(),
                    "dispatch.access.rate-limit.redis.key-prefix", PREFIX,
                    // an hour: a window that ends during a test is rare; tests that count try again with new buckets
                    "dispatch.access.rate-limit.window-seconds", "3600",
                    "dispatch.access.rate-limit.anonymous", "5",
                    // each test takes client addresses of its own (X-Forwarded-For), so its anonymous buckets are fresh
                    "quarkus.http.proxy.proxy-address-forwarding", "true",
                    "quarkus.http.proxy.allow-x-forwarded", "true");
        }
    }

    @TestHTTPResource(value = "/health/ready", management = true)
    URL ready;

    @Inject
    TestKeys keys;

    @Inject
    MeterRegistry registry;

    static Vertx vertx;
    static Redis redis;
    /** The other instance's counters. */
    static SharedCounters other;

    @BeforeAll
    static void otherInstance() {
        vertx = Vertx.vertx();
        redis = Redis.createClient(vertx, RedisAvailable.url());
        other = new SharedCounters(redis, PREFIX, WINDOW_MILLIS, Duration.ofSeconds(2));
    }

    @AfterAll
    static void close() {
        if (redis != null) {
            // the keys would expire with their window (an hour); Redis is shared by whoever runs tests here
            RedisAPI api = RedisAPI.api(redis);
            String cursor = "0";
            do {
                var page = api.scanAndAwait(List.of(cursor, "MATCH", PREFIX + "*", "COUNT", "1000"));
                cursor = page.get(0).toString();
                List<String> keys = new ArrayList<>();
                page.get(1).forEach(key -> keys.add(key.toString()));
                if (!keys.isEmpty()) {
                    api.delAndAwait(keys);
                }
            } while (!cursor.equals("0"));
            redis.close();
        }
        if (vertx != null) {
            vertx.closeAndAwait();
        }
    }

    private static RateLimiter.Outcome otherTakes(String bucket, int limit) {
        return other.take(bucket, limit).await().atMost(Duration.ofSeconds(5));
    }

    private static String newAddress() {
        return "203.0.113." + ADDRESSES.getAndIncrement();
    }

    private static int remaining(ExtractableResponse<Response> response) {
        return Integer.parseInt(response.header("RateLimit-Remaining"));
    }

    @Inject
    RateLimiter limiter;

    @Test
    void afterATimeoutThisInstanceCountsAloneUntilItIsTimeToAskAgain() throws InterruptedException {
        String bucket = "late:" + UUID.randomUUID();
        assertThat(limiter.takeAsync(bucket, 100).await().atMost(Duration.ofSeconds(5)).remaining()).isEqualTo(99);
        assertThat(limiter.store()).isEqualTo(RateLimiter.Store.REDIS);
        // Redis holds every write for 700 ms: the next count times out (100 ms) and this instance counts alone
        RedisAPI.api(redis).clientAndAwait(List.of("PAUSE", "700", "WRITE"));
        long failedAt = System.nanoTime();
        limiter.takeAsync(bucket, 100).await().atMost(Duration.ofSeconds(5));
        assertThat(limiter.store()).isEqualTo(RateLimiter.Store.REDIS_FAILING);
        Thread.sleep(1_000); // Redis answers again, but is not asked
        assertThat(limiter.takeAsync(bucket, 100).await().atMost(Duration.ofSeconds(5)).remaining())
                .as("counted here alone, after the one that timed out").isEqualTo(98);
        assertThat(limiter.store()).as("counting alone until it is time to ask Redis again")
                .isEqualTo(RateLimiter.Store.REDIS_FAILING);
        // once the rest is over (5 s), the next request asks Redis again, and its answer ends the failing
        Thread.sleep(Math.max(0, Duration.ofSeconds(5).toMillis() - (System.nanoTime() - failedAt) / 1_000_000 + 200));
        limiter.takeAsync(bucket, 100).await().atMost(Duration.ofSeconds(5));
        assertThat(limiter.store()).isEqualTo(RateLimiter.Store.REDIS);
    }

    @Test
    void aKeysLimitHoldsAcrossInstances() {
        boolean counted = false;
        for (int attempt = 0; attempt < 2 && !counted; attempt++) { // a window may end in between: a new key
            TestKeys.Key key = keys.issue(Map.of("name", "Shared " + attempt, "role", "partner", "rateLimit", 5));
            String bucket = "key:" + key.id();
            var first = keys.as(key.secret()).get("/v1/sections").then().statusCode(200).extract();
            assertThat(first.header("RateLimit-Limit")).isEqualTo("5");
            // the other instance sees this one's request, and this one sees the other's
            RateLimiter.Outcome elsewhere = otherTakes(bucket, 5);
            assertThat(otherTakes(bucket, 5).remaining()).isEqualTo(elsewhere.remaining() - 1);
            var second = keys.as(key.secret()).get("/v1/sections").then().statusCode(200).extract();
            RateLimiter.Outcome last = otherTakes(bucket, 5);
            counted = remaining(first) == 4 && elsewhere.remaining() == 3 && remaining(second) == 1
                    && last.remaining() == 0 && last.allowed();
            if (!counted) {
                continue;
            }
            // five requests in all, two of them here: the sixth is refused here, with the same headers as alone
            var refused = keys.as(key.secret()).get("/v1/sections").then().statusCode(429)
                    .contentType("application/problem+json")
                    .body("type", equalTo("urn:dispatch:problem:rate-limited"))
                    .header("RateLimit-Limit", "5").header("RateLimit-Remaining", "0").extract();
            long retryAfter = Long.parseLong(refused.header("Retry-After"));
            assertThat(retryAfter).isBetween(1L, WINDOW_MILLIS / 1000);
            assertThat(Long.parseLong(refused.header("RateLimit-Reset"))).isBetween(retryAfter - 1, retryAfter);
            assertThat(otherTakes(bucket, 5).allowed()).as("refused there too").isFalse();
            // another key keeps its own count
            keys.asPartner().get("/v1/sections").then().statusCode(200);
        }
        assertThat(counted).as("counted together in one window").isTrue();
    }

    @Test
    void answersOnTheEventLoopCountInTheSharedBucketToo() {
        String path = "/v1/articles?limit=9";
        given().header("X-Forwarded-For", newAddress()).get(path).then().statusCode(200); // computed and cached
        boolean counted = false;
        for (int attempt = 0; attempt < 2 && !counted; attempt++) {
            String address = newAddress();
            String bucket = "address:" + address;
            double early = early();
            var cached = given().header("X-Forwarded-For", address).get(path).then().statusCode(200).extract();
            assertThat(early() - early).as("answered from the application cache").isEqualTo(1.0);
            assertThat(cached.header("RateLimit-Limit")).isEqualTo("5");
            RateLimiter.Outcome elsewhere = otherTakes(bucket, 5);
            var document = given().header("X-Forwarded-For", address).get("/q/openapi").then().statusCode(200)
                    .header("RateLimit-Limit", "5").extract();
            assertThat(document.body().asString()).contains("openapi:");
            otherTakes(bucket, 5);
            RateLimiter.Outcome last = otherTakes(bucket, 5);
            counted = remaining(cached) == 4 && elsewhere.remaining() == 3 && remaining(document) == 2
                    && last.remaining() == 0 && last.allowed();
            if (!counted) {
                continue;
            }
            // used up elsewhere: the cached answer is not given, the REST layer refuses; so does the document
            early = early();
            given().header("X-Forwarded-For", address).get(path).then().statusCode(429)
                    .header("RateLimit-Remaining", "0").header("Retry-After", org.hamcrest.Matchers.notNullValue());
            assertThat(early() - early).isZero();
            given().header("X-Forwarded-For", address).get("/q/openapi").then().statusCode(429)
                    .contentType("application/problem+json").header("RateLimit-Limit", "5")
                    .header("RateLimit-Remaining", "0");
        }
        assertThat(counted).as("counted together in one window").isTrue();
    }

    @Test
    void readinessSaysTheCountersAreInRedis() {
        given().get("/v1/sections").then().statusCode(200);
        given().when().get(ready).then().statusCode(200)
                .body("checks.find { it.name == 'Rate-limit counters' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'Rate-limit counters' }.data.store", equalTo("redis"));
    }

    @Test
    void aSilentRedisIsGivenUpOnAfterTheTimeout() throws IOException {
        // a server that accepts connections and never answers
        try (ServerSocket silent = new ServerSocket(0)) {
            Redis client = Redis.createClient(vertx, "redis://127.0.0.1:" + silent.getLocalPort());
            try {
                SharedCounters counters = new SharedCounters(client, PREFIX, WINDOW_MILLIS, Duration.ofMillis(100));
                long start = System.nanoTime();
                assertThatThrownBy(() -> counters.take("key:silent", 5).await().atMost(Duration.ofSeconds(5)))
                        .isInstanceOf(TimeoutException.class);
                assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
            } finally {
                client.close();
            }
        }
    }

    @Test
    void bucketsThatAreNotPlainTextAndClientAddressesAreHashedIntoTheKey() {
        assertThat(other.key("key:01900000-0000-7000-8000-000000000000"))
                .isEqualTo(PREFIX + "key:01900000-0000-7000-8000-000000000000");
        String odd = other.key("unplain:{x} y\r\n" + "z".repeat(500));
        assertThat(odd).startsWith(PREFIX + "h:").hasSize(PREFIX.length() + 2 + 43).doesNotContain("{", " ", "\r");
        // an address is never in a key as it is: a salted hash, the same on each instance with the same salt
        String address = other.key("address:2001:db8::1");
        assertThat(address).startsWith(PREFIX + "a:").hasSize(PREFIX.length() + 2 + 22).doesNotContain("2001", "db8");
        assertThat(other.key("address:{x} y\r\n" + "z".repeat(500))).hasSize(address.length());
        assertThat(other.key("address:2001:db8::1")).isEqualTo(address);
        assertThat(new SharedCounters(redis, PREFIX, WINDOW_MILLIS, Duration.ofMillis(100), "another salt")
                .key("address:2001:db8::1")).startsWith(PREFIX + "a:").isNotEqualTo(address);
    }

    private double early() {
        var counter = registry.find("dispatch.cache.early.answers").counter();
        return counter == null ? 0 : counter.count();
    }
}
