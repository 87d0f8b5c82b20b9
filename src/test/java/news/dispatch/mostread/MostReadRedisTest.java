package news.dispatch.mostread;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;
import jakarta.inject.Inject;
import news.dispatch.article.Article;
import news.dispatch.section.Section;
import news.dispatch.testsupport.Fixtures;
import news.dispatch.testsupport.RedisAvailable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;

/**
 * Most read with Redis (docs/decisions/154), in the PostgreSQL suite where a Redis answers: beacons are counted in
 * sorted sets under this run's own key prefix, and answers are made from what every instance counted there (another
 * instance is played by counts written straight into Redis).
 */
@QuarkusTest
@TestProfile(MostReadRedisTest.CountedInRedis.class)
@ExtendWith(RedisAvailable.class)
class MostReadRedisTest {

    /** Keys of this run only; in a system property, as the profile and the test may see different statics. */
    static final String PREFIX = (String) System.getProperties().computeIfAbsent("dispatch.test.most-read-prefix",
            name -> "dispatch-test:" + UUID.randomUUID() + ":mr:");
    static final Instant T = Instant.parse("2021-07-10T09:30:00Z");

    public static class CountedInRedis implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("dispatch.access.rate-limit.redis.url", RedisAvailable.url(),
                    "dispatch.access.rate-limit.redis.key-prefix", PREFIX + "rl:",
                    "dispatch.most-read.key-prefix", PREFIX,
                    // each test takes client addresses of its own (X-Forwarded-For)
                    "quarkus.http.proxy.proxy-address-forwarding", "true",
                    "quarkus.http.proxy.allow-x-forwarded", "true");
        }
    }

    @Inject
    Fixtures fixtures;
    @Inject
    Redis redis;
    @Inject
    MostReadService service;

    Response send(Request request) {
        return redis.send(request).await().atMost(Duration.ofSeconds(5));
    }

    static void read(Article a, String address) {
        given().header("User-Agent", MostReadTest.BROWSER).header("X-Forwarded-For", address)
                .post("/v1/articles/" + a.id + "/reads").then().statusCode(204);
    }

    @AfterEach
    void dropKeys() {
        Response keys = send(Request.cmd(Command.KEYS).arg(PREFIX + "*"));
        keys.forEach(k -> send(Request.cmd(Command.DEL).arg(k.toString())));
    }

    @Test
    void beaconsAreCountedInSortedSetsWithTimeBuckets() {
        Section section = fixtures.section("Most read in Redis");
        Article a = fixtures.article("Read from three addresses").section(section).publishedAt(T).save();
        read(a, "203.0.113.1");
        read(a, "203.0.113.2");
        read(a, "203.0.113.3");
        read(a, "203.0.113.3"); // a repeat within the minute
        assertThat(service.store()).isEqualTo("redis");

        long fiveMinutes = Instant.now().getEpochSecond() / 300;
        long hour = Instant.now().getEpochSecond() / 3600;
        List<String> sets = List.of(PREFIX + "5m:" + fiveMinutes + ":s:" + section.slug, PREFIX + "1h:" + hour + ":s:" + section.slug,
                PREFIX + "1h:" + hour + ":all", PREFIX + "1h:" + hour + ":l:en");
        for (String set : sets) {
            Response score = send(Request.cmd(Command.ZSCORE).arg(set).arg(a.id.toString()));
            assertThat(score).as(set).isNotNull();
            assertThat(score.toDouble()).as(set).isEqualTo(3.0);
            assertThat(send(Request.cmd(Command.TTL).arg(set)).toLong()).as(set).isPositive();
        }
        // nothing about the reader but hashes, each for a minute
        Response seen = send(Request.cmd(Command.KEYS).arg(PREFIX + "seen:*"));
        List<String> repeats = new ArrayList<>();
        seen.forEach(k -> repeats.add(k.toString()));
        assertThat(repeats).isNotEmpty().allSatisfy(k -> assertThat(k).doesNotContain("203.0.113"));
        assertThat(send(Request.cmd(Command.TTL).arg(repeats.get(0))).toLong()).isBetween(1L, 60L);
        // nor does any other key of the run hold an address in clear: the rate limit's names its hash
        List<String> all = new ArrayList<>();
        send(Request.cmd(Command.KEYS).arg(PREFIX + "*")).forEach(k -> all.add(k.toString()));
        assertThat(all).anySatisfy(k -> assertThat(k).startsWith(PREFIX + "rl:a:"))
                .allSatisfy(k -> assertThat(k).doesNotContain("203.0.113"));

        given().queryParam("window", "1h").queryParam("section", section.slug).get("/v1/most-read")
                .then().statusCode(200).body("items.reads", contains(3));
    }

    @Test
    void answersShowWhatOtherInstancesCounted() {
        Section section = fixtures.section("Most read in Redis");
        Article mine = fixtures.article("Counted here").section(section).publishedAt(T).save();
        Article theirs = fixtures.article("Counted elsewhere").section(section).publishedAt(T).save();
        read(mine, "198.51.100.7");
        // another instance counted five reads of the other article in this hour's bucket
        long hour = Instant.now().getEpochSecond() / 3600;
        send(Request.cmd(Command.ZINCRBY).arg(PREFIX + "1h:" + hour + ":s:" + section.slug).arg(5).arg(theirs.id.toString()));
        send(Request.cmd(Command.EXPIRE).arg(PREFIX + "1h:" + hour + ":s:" + section.slug).arg(3600));
        given().queryParam("window", "24h").queryParam("section", section.slug).get("/v1/most-read")
                .then().statusCode(200)
                .body("items.article.slug", contains(theirs.slug, mine.slug))
                .body("items.reads", contains(5, 1));
    }
}
