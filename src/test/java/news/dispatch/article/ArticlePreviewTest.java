package news.dispatch.article;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import news.dispatch.section.Section;
import news.dispatch.testsupport.Fixtures;
import news.dispatch.testsupport.TestClock;
import news.dispatch.testsupport.TestKeys;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

/** Preview links of drafts and scheduled articles (issue 31, part 3; docs/decisions/152), over HTTP. */
@QuarkusTest
class ArticlePreviewTest {

    static final String NOT_FOUND = "urn:dispatch:problem:not-found";
    static final String GONE = "urn:dispatch:problem:gone";

    @Inject
    Fixtures fixtures;
    @Inject
    TestKeys keys;

    @AfterEach
    void resetClock() {
        TestClock.reset();
    }

    private Map<String, Object> create(Article article, Object body) {
        return keys.asEditor().contentType(ContentType.JSON).body(body)
                .post("/v1/articles/" + article.id + "/previews")
                .then().statusCode(201)
                .header("Cache-Control", "no-store")
                .extract().jsonPath().getMap("");
    }

    private Article draft(String headline) {
        return fixtures.article(headline).section(fixtures.section("Preview")).status(ArticleStatus.DRAFT)
                .body("<p>Not out yet</p>", "Not out yet").save();
    }

    @Test
    void aTokenOpensItsDraftPrivatelyAndNothingElse() {
        Article a = draft("Budget leaks");
        Article other = draft("Another draft");
        Article published = fixtures.article("Out already").section(fixtures.section("Preview")).publishedAt(Instant.now()).save();
        Map<String, Object> made = create(a, Map.of());
        String token = (String) made.get("token");
        org.assertj.core.api.Assertions.assertThat(token).startsWith("pv_");
        org.assertj.core.api.Assertions.assertThat((String) made.get("url")).isEqualTo("/v1/articles/" + a.id + "?preview=" + token);
        org.assertj.core.api.Assertions.assertThat((Boolean) made.get("active")).isTrue();

        for (String path : new String[]{"/v1/articles/" + a.id, "/v1/articles/" + a.slug}) {
            for (int i = 0; i < 2; i++) { // the second time too: nothing was cached
                given().queryParam("preview", token).get(path)
                        .then().statusCode(200)
                        .header("Cache-Control", "private, no-store")
                        .header("X-Robots-Tag", "noindex")
                        .header("Surrogate-Key", nullValue())
                        .body("headline", equalTo("Budget leaks"))
                        .body("status", equalTo("draft"))
                        .body("body.html", equalTo("<p>Not out yet</p>"));
            }
        }
        given().queryParam("preview", token).queryParam("fields", "headline")
                .get("/v1/articles/" + a.id).then().statusCode(200)
                .body("headline", equalTo("Budget leaks")).body("status", nullValue());
        // without the token the draft does not exist
        given().get("/v1/articles/" + a.id).then().statusCode(404);
        // the token opens nothing else: another draft, a published article, another operation
        for (Article elsewhere : new Article[]{other, published}) {
            given().queryParam("preview", token).get("/v1/articles/" + elsewhere.id)
                    .then().statusCode(404).contentType("application/problem+json").body("type", equalTo(NOT_FOUND))
                    .header("Cache-Control", startsWith("no-store"));
        }
        given().queryParam("preview", token).get("/v1/articles/" + a.id + "/related").then().statusCode(400);
        given().queryParam("preview", token).get("/v1/articles").then().statusCode(400);
        // a wrong or malformed token: 404, never a 500
        for (String bad : new String[]{"", "pv_", token + "x", "pv_" + "A".repeat(43), "%00", "x".repeat(500)}) {
            given().queryParam("preview", bad).get("/v1/articles/" + a.id)
                    .then().statusCode(404).body("type", equalTo(NOT_FOUND));
        }
    }

    @Test
    void aScheduledArticleHasPreviewsAndAPublishedOneDoesNot() {
        Article scheduled = fixtures.article("Coming soon").section(fixtures.section("Preview"))
                .status(ArticleStatus.SCHEDULED).publishedAt(TestClock.now().plus(Duration.ofDays(1))).save();
        String token = (String) create(scheduled, Map.of()).get("token");
        given().queryParam("preview", token).get("/v1/articles/" + scheduled.slug).then().statusCode(200)
                .body("status", equalTo("scheduled"));

        Article published = fixtures.article("Public").section(fixtures.section("Preview")).publishedAt(Instant.now()).save();
        keys.asEditor().contentType(ContentType.JSON).body(Map.of()).post("/v1/articles/" + published.id + "/previews")
                .then().statusCode(409).contentType("application/problem+json");
    }

    @Test
    void expiredRevokedAndPublishedLinksAreGone() {
        Article a = draft("Expiring");
        Instant in2h = TestClock.now().plus(Duration.ofHours(2)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        Map<String, Object> made = create(a, Map.of("expiresAt", in2h.toString()));
        org.assertj.core.api.Assertions.assertThat(made.get("expiresAt")).isEqualTo(in2h.toString());
        String token = (String) made.get("token");
        given().queryParam("preview", token).get("/v1/articles/" + a.id).then().statusCode(200);
        TestClock.advance(Duration.ofHours(3));
        given().queryParam("preview", token).get("/v1/articles/" + a.id).then().statusCode(410)
                .contentType("application/problem+json").body("type", equalTo(GONE))
                .body("detail", containsString("expired"));
        TestClock.reset();

        Map<String, Object> second = create(a, Map.of());
        String revoked = (String) second.get("token");
        keys.asEditor().delete("/v1/articles/" + a.id + "/previews/" + second.get("id")).then().statusCode(204);
        keys.asEditor().delete("/v1/articles/" + a.id + "/previews/" + second.get("id")).then().statusCode(204);
        given().queryParam("preview", revoked).get("/v1/articles/" + a.id).then().statusCode(410)
                .body("detail", containsString("revoked"));
        keys.asEditor().get("/v1/articles/" + a.id + "/previews").then().statusCode(200)
                .header("Cache-Control", "no-store")
                .body("items[0].id", equalTo(second.get("id")))
                .body("items[0].active", equalTo(false))
                .body("items[0]", not(org.hamcrest.Matchers.hasKey("token")));
        // another article's preview id is not this article's
        Article b = draft("Other");
        keys.asEditor().delete("/v1/articles/" + b.id + "/previews/" + second.get("id")).then().statusCode(404);

        String live = (String) create(a, Map.of()).get("token");
        fixtures.update(a, article -> {
            article.status = ArticleStatus.PUBLISHED;
            article.publishedAt = Instant.now();
            article.firstPublishedAt = article.publishedAt;
        });
        given().queryParam("preview", live).get("/v1/articles/" + a.id).then().statusCode(410)
                .body("detail", containsString("no longer a draft"));
    }

    @Test
    void onlyEditorsMakeLinksAndExpiryIsAtMostSevenDays() {
        Article a = draft("Guarded");
        given().contentType(ContentType.JSON).body(Map.of()).post("/v1/articles/" + a.id + "/previews").then().statusCode(401);
        keys.asPartner().contentType(ContentType.JSON).body(Map.of()).post("/v1/articles/" + a.id + "/previews")
                .then().statusCode(403);
        for (String bad : new String[]{TestClock.now().plus(Duration.ofDays(8)).toString(),
                TestClock.now().minus(Duration.ofMinutes(1)).toString()}) {
            keys.asEditor().contentType(ContentType.JSON).body(Map.of("expiresAt", bad))
                    .post("/v1/articles/" + a.id + "/previews").then().statusCode(400)
                    .body("errors[0].field", equalTo("expiresAt"));
        }
        keys.asEditor().contentType(ContentType.JSON).body(Map.of("expiresAt", "soon"))
                .post("/v1/articles/" + a.id + "/previews").then().statusCode(400);
        keys.asEditor().contentType(ContentType.JSON).body(Map.of())
                .post("/v1/articles/no-such-article/previews").then().statusCode(404);
    }
}
