package news.dispatch.mostread;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import news.dispatch.article.Article;
import news.dispatch.article.ArticleStatus;
import news.dispatch.section.Section;
import news.dispatch.testsupport.Fixtures;
import news.dispatch.testsupport.TestClock;
import news.dispatch.testsupport.TestKeys;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/**
 * Most read (issue 31, part 2; docs/decisions/154) with the embedded default: reads counted in memory. Each test reads
 * articles of a section of its own, so other tests' reads do not show in its answers.
 */
@QuarkusTest
class MostReadTest {

    static final Instant T = Instant.parse("2021-07-10T09:30:00Z");
    static final String BROWSER = "Mozilla/5.0 (Linux; Android 14) DispatchApp/3.1";

    @Inject
    Fixtures fixtures;
    @Inject
    TestKeys keys;
    @Inject
    SessionFactory sessionFactory;

    @AfterEach
    void resetClock() {
        TestClock.reset();
    }

    static void read(Article a) {
        given().header("User-Agent", BROWSER).post("/v1/articles/" + a.id + "/reads")
                .then().statusCode(204).header("Set-Cookie", nullValue()).header("Cache-Control", "no-store")
                .body(emptyString());
    }

    @Test
    void ranksTheArticlesReadMostFirstWithTheirCounts() {
        Section section = fixtures.section("Most read");
        Article a = fixtures.article("Read thrice").section(section).publishedAt(T).save();
        Article b = fixtures.article("Read twice").section(section).publishedAt(T).save();
        Article c = fixtures.article("Read once").section(section).publishedAt(T).save();
        read(c);
        read(b);
        read(a);
        TestClock.advance(Duration.ofSeconds(61)); // the same address counts again after a minute
        read(b);
        read(a);
        TestClock.advance(Duration.ofSeconds(61));
        read(a);

        given().queryParam("window", "1h").queryParam("section", section.slug).get("/v1/most-read")
                .then().statusCode(200)
                .header("Cache-Control", "public, max-age=60")
                .body("window", equalTo("1h"))
                .body("items.article.slug", contains(a.slug, b.slug, c.slug))
                .body("items.reads", contains(3, 2, 1))
                .body("items[0].article.headline", equalTo("Read thrice"));
        given().queryParam("section", section.slug).queryParam("limit", 1).queryParam("fields", "slug")
                .get("/v1/most-read").then().statusCode(200)
                .body("window", equalTo("24h"))
                .body("items.article.slug", contains(a.slug))
                .body("items[0].article", not(hasKey("headline")));
    }

    @Test
    void repeatsWithinAMinuteAndBotsCountOnce() {
        Section section = fixtures.section("Most read");
        Article a = fixtures.article("Repeated").section(section).publishedAt(T).save();
        read(a);
        read(a);
        given().header("User-Agent", "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)")
                .post("/v1/articles/" + a.id + "/reads").then().statusCode(204);
        given().header("User-Agent", "").post("/v1/articles/" + a.id + "/reads").then().statusCode(204);
        given().queryParam("window", "1h").queryParam("section", section.slug).get("/v1/most-read")
                .then().statusCode(200).body("items.reads", contains(1));
    }

    @Test
    void filtersByLanguageAndLeavesOutWhatIsNoLongerPublished() {
        Section section = fixtures.section("Most read");
        Article en = fixtures.article("In English").section(section).publishedAt(T).save();
        Article ckb = fixtures.article("بە کوردی").section(section).language("ckb").publishedAt(T).save();
        Article gone = fixtures.article("Taken down").section(section).publishedAt(T).save();
        read(en);
        read(ckb);
        read(gone);
        fixtures.update(gone, x -> x.status = ArticleStatus.UNPUBLISHED);
        given().queryParam("section", section.slug).queryParam("lang", "ckb").get("/v1/most-read")
                .then().statusCode(200).body("items.article.slug", contains(ckb.slug));
        given().queryParam("section", section.slug).queryParam("window", "24h").queryParam("limit", 50).get("/v1/most-read")
                .then().statusCode(200).body("items.article.slug", org.hamcrest.Matchers.containsInAnyOrder(en.slug, ckb.slug));
    }

    /**
     * Counting never touches the database: once the article's section and language are known (kept a minute), a beacon
     * runs no SQL statement, counted or not. (Background jobs may run statements meanwhile: the least of three tries.)
     */
    @Test
    void beaconsRunNoStatementAtAll() {
        Section section = fixtures.section("Most read");
        Article a = fixtures.article("Read often").section(section).publishedAt(T).save();
        read(a); // looks the article up
        Statistics statistics = sessionFactory.getStatistics();
        long least = Long.MAX_VALUE;
        for (int attempt = 0; attempt < 3 && least > 0; attempt++) {
            long statements = statistics.getPrepareStatementCount();
            long inserts = statistics.getEntityInsertCount();
            long updates = statistics.getEntityUpdateCount();
            for (int i = 0; i < 4; i++) {
                TestClock.advance(Duration.ofSeconds(61)); // counted each time
                read(a);
                read(a); // a repeat
            }
            least = Math.min(least, statistics.getPrepareStatementCount() - statements
                    + statistics.getEntityInsertCount() - inserts + statistics.getEntityUpdateCount() - updates);
        }
        assertThat(least).isZero();
        given().queryParam("window", "1h").queryParam("section", section.slug).get("/v1/most-read")
                .then().statusCode(200).body("items.reads", org.hamcrest.Matchers.hasItem(
                        org.hamcrest.Matchers.greaterThanOrEqualTo(5)));
    }

    /** The beacon is rate-limited like every request: a key's own limit, then 429 with Retry-After. */
    @Test
    void beaconsAreRateLimited() {
        Article a = fixtures.article("Read by a tight key").section(fixtures.section("Most read")).publishedAt(T).save();
        given().header("User-Agent", BROWSER).post("/v1/articles/" + a.id + "/reads").then().statusCode(204)
                .header("RateLimit-Limit", org.hamcrest.Matchers.notNullValue())
                .header("RateLimit-Remaining", org.hamcrest.Matchers.notNullValue());
        String secret = keys.create(Map.of("name", "Tight beacons", "role", "partner", "rateLimit", 2));
        io.restassured.response.Response refused = null;
        for (int i = 0; i < 8 && refused == null; i++) { // a window may end during the loop
            io.restassured.response.Response r = given().header("User-Agent", BROWSER)
                    .header("Authorization", "Bearer " + secret).post("/v1/articles/" + a.id + "/reads");
            assertThat(r.header("RateLimit-Limit")).isEqualTo("2");
            if (r.statusCode() == 429) {
                refused = r;
            } else {
                assertThat(r.statusCode()).isEqualTo(204);
            }
        }
        assertThat(refused).isNotNull();
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.header("Retry-After")).isNotNull();
    }

    @Test
    void answersAreRevalidatedByETag() {
        String path = "/v1/most-read?window=1h&section=" + Fixtures.unique("nothing-read");
        String etag = given().get(path).then().statusCode(200).body("items", org.hamcrest.Matchers.empty())
                .extract().header("ETag");
        given().header("If-None-Match", etag).get(path).then().statusCode(304);
    }

    @Test
    void beaconsForArticlesThatAreNotPublishedAre404() {
        Section section = fixtures.section("Most read");
        Article draft = fixtures.article("Draft").section(section).status(ArticleStatus.DRAFT).save();
        given().header("User-Agent", BROWSER).post("/v1/articles/" + draft.id + "/reads").then().statusCode(404)
                .contentType("application/problem+json");
        given().header("User-Agent", BROWSER).post("/v1/articles/" + UUID.randomUUID() + "/reads").then().statusCode(404);
        given().header("User-Agent", BROWSER).post("/v1/articles/not-an-id/reads").then().statusCode(404);
    }

    @Test
    void badParametersAre400() {
        given().queryParam("window", "2h").get("/v1/most-read").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("window"));
        given().queryParam("lang", "english please").get("/v1/most-read").then().statusCode(400)
                .body("errors[0].field", equalTo("lang"));
        given().queryParam("limit", "0").get("/v1/most-read").then().statusCode(400)
                .body("errors[0].field", equalTo("limit"));
        given().queryParam("section", "Not A Slug").get("/v1/most-read").then().statusCode(400);
        given().queryParam("unknown", "1").get("/v1/most-read").then().statusCode(400);
    }
}
