package news.dispatch.front;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import news.dispatch.article.Article;
import news.dispatch.article.ArticleStatus;
import news.dispatch.cache.ContentCache;
import news.dispatch.change.ChangeEvent;
import news.dispatch.change.ChangeType;
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
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

/** Curated fronts (issue 31, part 1; docs/decisions/153) over HTTP. */
@QuarkusTest
class FrontResourceTest {

    static final Instant T = Instant.parse("2021-07-10T09:30:00Z");
    static final String INVALID = "urn:dispatch:problem:invalid-request";

    @Inject
    Fixtures fixtures;
    @Inject
    TestKeys keys;
    @Inject
    EntityManager em;
    @Inject
    SessionFactory sessionFactory;
    @Inject
    ContentCache cache;
    @Inject
    FrontWriteService writes;

    @AfterEach
    void resetClock() {
        TestClock.reset();
    }

    Article published(Section section, String headline) {
        return fixtures.article(headline).section(section).publishedAt(T).save();
    }

    static Map<String, Object> slot(Article a) {
        return Map.of("article", a.id.toString());
    }

    static Map<String, Object> collection(String title, List<?> items) {
        return Map.of("title", title, "items", items);
    }

    static Map<String, Object> front(String slug, String title, List<?> collections) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", title);
        body.put("slug", slug);
        body.put("collections", collections);
        return body;
    }

    ExtractableResponse<Response> create(Map<String, Object> body) {
        return keys.asEditor().contentType(ContentType.JSON).body(body).post("/v1/fronts").then().statusCode(201).extract();
    }

    @Test
    void answersTheWholeFrontWithOverridesAndPublishedArticlesOnly() {
        Section section = fixtures.section("Fronts");
        Article lead = published(section, "Lead story");
        Article second = published(section, "Second story");
        Article draft = fixtures.article("Not yet").section(section).status(ArticleStatus.DRAFT).save();
        Article picked = published(section, "Picked");
        String slug = Fixtures.unique("home");
        Map<String, Object> override = new LinkedHashMap<>();
        override.put("article", second.id.toString());
        override.put("headline", "A shorter headline");
        override.put("image", Map.of("url", "https://www.example.com/media/front.jpg", "alt", "A crowd"));
        var created = create(front(slug, "Home", List.of(
                collection("Top stories", List.of(slot(lead), override, slot(draft))),
                collection("Editor's picks", List.of(slot(picked))))));
        assertThat(created.header("Location")).isEqualTo("/v1/fronts/" + slug);
        assertThat(created.header("ETag")).startsWith("\"0.");

        given().get("/v1/fronts/" + slug).then().statusCode(200)
                .header("Cache-Control", startsWith("public"))
                .header("Surrogate-Key", containsString("front-" + slug))
                .header("Surrogate-Key", containsString("article-" + draft.id))
                .body("slug", equalTo(slug))
                .body("title", equalTo("Home"))
                .body("collections.title", contains("Top stories", "Editor's picks"))
                .body("collections[0].items.article.slug", contains(lead.slug, second.slug))
                .body("collections[0].items[0].headline", nullValue())
                .body("collections[0].items[0].article.headline", equalTo("Lead story"))
                .body("collections[0].items[0].article", not(hasKey("body")))
                .body("collections[0].items[1].headline", equalTo("A shorter headline"))
                .body("collections[0].items[1].image.url", equalTo("https://www.example.com/media/front.jpg"))
                .body("collections[1].items.article.slug", contains(picked.slug));

        given().queryParam("fields", "slug,headline").get("/v1/fronts/" + slug).then().statusCode(200)
                .body("collections[0].items[0].article.headline", equalTo("Lead story"))
                .body("collections[0].items[0].article", not(hasKey("section")));
        given().queryParam("fields", "nope").get("/v1/fronts/" + slug).then().statusCode(400)
                .body("type", equalTo(INVALID));
        given().get("/v1/fronts/no-such-front").then().statusCode(404);
        given().get("/v1/fronts").then().statusCode(200).body("items.slug", org.hamcrest.Matchers.hasItem(slug));
    }

    @Test
    void isRevalidatedByETagAndPurgedWhenAnArticleOrTheFrontChanges() {
        Section section = fixtures.section("Fronts");
        Article a = published(section, "Before");
        Article draft = fixtures.article("Draft for later").section(section).status(ArticleStatus.DRAFT).save();
        String slug = Fixtures.unique("front");
        var created = create(front(slug, "Purged", List.of(collection("Top", List.of(slot(a), slot(draft))))));
        String path = "/v1/fronts/" + slug;
        String etag = given().get(path).then().statusCode(200).extract().header("ETag");
        given().header("If-None-Match", etag).get(path).then().statusCode(304);

        fixtures.update(a, x -> x.headline = "After");
        given().get(path).then().statusCode(200).body("collections[0].items[0].article.headline", equalTo("After"));

        fixtures.update(draft, x -> {
            x.status = ArticleStatus.PUBLISHED;
            x.publishedAt = T;
            x.firstPublishedAt = T;
        });
        given().get(path).then().statusCode(200).body("collections[0].items.article.slug", contains(a.slug, draft.slug));

        keys.asEditor().contentType(ContentType.JSON).header("If-Match", created.header("ETag"))
                .body(front(null, "Renamed", List.of(collection("Only", List.of(slot(draft))))))
                .put(path).then().statusCode(200).body("title", equalTo("Renamed"));
        given().get(path).then().statusCode(200).body("title", equalTo("Renamed"))
                .body("collections[0].items.article.slug", contains(draft.slug));
    }

    /**
     * A live blog takes a slot like any story; an article's edit, unpublication and deletion made through the API purge
     * the cached front, and a deleted front is noted in the change feed as no longer visible.
     */
    @Test
    void holdsALiveBlogAndFollowsArticleWritesMadeThroughTheApi() {
        Section section = fixtures.section("Fronts");
        Article live = fixtures.article("Election day live").section(section).publishedAt(T).with(x -> {
            x.live = true;
            x.coverageStart = T;
        }).save();
        Article edited = published(section, "To be edited");
        Article unpublished = published(section, "To be unpublished");
        Article deleted = published(section, "To be deleted");
        String slug = Fixtures.unique("front");
        String frontEtag = create(front(slug, "Live", List.of(collection("Now",
                List.of(slot(live), slot(edited), slot(unpublished), slot(deleted)))))).header("ETag");
        String path = "/v1/fronts/" + slug;
        given().get(path).then().statusCode(200)
                .header("Cache-Control", startsWith("public"))
                .body("collections[0].items.article.slug", contains(live.slug, edited.slug, unpublished.slug, deleted.slug))
                .body("collections[0].items[0].article.live", equalTo(true))
                .body("collections[0].items[0].article.coverage.start", equalTo(T.toString()))
                .body("collections[0].items[1].article.live", equalTo(false));
        String etag = given().get(path).then().statusCode(200).extract().header("ETag");
        given().header("If-None-Match", etag).get(path).then().statusCode(304); // answered from the cache

        String articleEtag = keys.asEditor().get("/v1/articles/" + edited.id).then().statusCode(200).extract().header("ETag");
        keys.asEditor().contentType("application/merge-patch+json").header("If-Match", articleEtag)
                .body(Map.of("headline", "Edited through the API")).patch("/v1/articles/" + edited.id)
                .then().statusCode(200);
        given().get(path).then().statusCode(200)
                .body("collections[0].items[1].article.headline", equalTo("Edited through the API"));

        keys.asEditor().post("/v1/articles/" + unpublished.id + "/unpublish").then().statusCode(200);
        given().get(path).then().statusCode(200)
                .body("collections[0].items.article.slug", contains(live.slug, edited.slug, deleted.slug));

        articleEtag = keys.asEditor().get("/v1/articles/" + deleted.id).then().statusCode(200).extract().header("ETag");
        keys.asEditor().header("If-Match", articleEtag).delete("/v1/articles/" + deleted.id).then().statusCode(204);
        given().get(path).then().statusCode(200)
                .body("collections[0].items.article.slug", contains(live.slug, edited.slug));

        String id = keys.asEditor().get(path + "/definition").then().statusCode(200).extract().path("id");
        keys.asEditor().header("If-Match", frontEtag).delete(path).then().statusCode(204);
        given().get(path).then().statusCode(404);
        long seq = QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                        "select max(e.seq) from ChangeEvent e where e.articleId = :id", Long.class)
                .setParameter("id", UUID.fromString(id)).getSingleResult());
        given().queryParam("since", news.dispatch.change.ChangeFeed.cursor(seq - 1)).queryParam("limit", 1)
                .get("/v1/changes").then().statusCode(200)
                .body("items[0].type", equalTo("front")).body("items[0].slug", equalTo(slug))
                .body("items[0].visible", equalTo(false));
    }

    @Test
    void writesNeedAnEditorAndIfMatchAndValidSlots() {
        Section section = fixtures.section("Fronts");
        Article a = published(section, "Story");
        String slug = Fixtures.unique("front");
        Map<String, Object> body = front(slug, "Front", List.of(collection("Top", List.of(slot(a)))));
        given().contentType(ContentType.JSON).body(body).post("/v1/fronts").then().statusCode(401);
        keys.asPartner().contentType(ContentType.JSON).body(body).post("/v1/fronts").then().statusCode(403);

        keys.asEditor().contentType(ContentType.JSON)
                .body(front(null, "Bad", List.of(collection("Top", List.of(slot(a), slot(a), Map.of("article", UUID.randomUUID().toString()))))))
                .post("/v1/fronts").then().statusCode(400).body("type", equalTo(INVALID))
                .body("errors.field", contains("collections[0].items[1].article", "collections[0].items[2].article"));
        keys.asEditor().contentType(ContentType.JSON).body(front(null, "", List.of()))
                .post("/v1/fronts").then().statusCode(400).body("errors.field", contains("title"));

        String etag = create(body).header("ETag");
        keys.asEditor().contentType(ContentType.JSON).body(body).post("/v1/fronts").then().statusCode(409);
        keys.asEditor().contentType(ContentType.JSON).body(body).put("/v1/fronts/" + slug).then().statusCode(428);
        keys.asEditor().contentType(ContentType.JSON).header("If-Match", "\"7.abc\"").body(body)
                .put("/v1/fronts/" + slug).then().statusCode(412);
        String current = keys.asEditor().get("/v1/fronts/" + slug + "/definition").then().statusCode(200)
                .body("collections[0].items[0].article", equalTo(a.id.toString())).extract().header("ETag");
        assertThat(current).isEqualTo(etag);
        keys.asEditor().header("If-Match", etag).delete("/v1/fronts/" + slug).then().statusCode(204);
        given().get("/v1/fronts/" + slug).then().statusCode(404);
    }

    @Test
    void partnersSeeOnlyWhatTheirRightsAllow() {
        Section mine = fixtures.section("Partner's");
        Section other = fixtures.section("Not the partner's");
        Article a = published(mine, "Mine");
        Article b = published(other, "Other");
        String slug = Fixtures.unique("front");
        create(front(slug, "Mixed", List.of(collection("Top", List.of(slot(a), slot(b))))));
        String partner = keys.partner(true, List.of(mine.slug), List.of());
        keys.as(partner).get("/v1/fronts/" + slug).then().statusCode(200)
                .header("Cache-Control", startsWith("private"))
                .body("collections[0].items.article.slug", contains(a.slug));
        given().get("/v1/fronts/" + slug).then().statusCode(200)
                .body("collections[0].items.article.slug", contains(a.slug, b.slug));
    }

    @Test
    void costsTheSameStatementsForFewAndManyArticles() {
        Section section = fixtures.section("Fronts");
        List<Map<String, Object>> many = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            many.add(slot(published(section, "Story " + i)));
        }
        String small = Fixtures.unique("small");
        String big = Fixtures.unique("big");
        create(front(small, "Small", List.of(collection("Top", many.subList(0, 2)))));
        create(front(big, "Big", List.of(collection("Top", many.subList(0, 15)), collection("More", many.subList(15, 30)))));
        long forSmall = statements("/v1/fronts/" + small);
        long forBig = statements("/v1/fronts/" + big);
        assertThat(forBig).isEqualTo(forSmall).isLessThanOrEqualTo(4);
    }

    long statements(String path) {
        Statistics statistics = sessionFactory.getStatistics();
        long least = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            cache.invalidateAll();
            long before = statistics.getPrepareStatementCount();
            given().get(path).then().statusCode(200);
            least = Math.min(least, statistics.getPrepareStatementCount() - before);
        }
        return least;
    }

    @Test
    void aScheduledChangeTakesEffectAtItsTimeAndIsNotedInTheChangeFeed() {
        Section section = fixtures.section("Fronts");
        Article now = published(section, "Now");
        Article later = published(section, "Later");
        String slug = Fixtures.unique("front");
        String id = create(front(slug, "Scheduled", List.of(collection("Top", List.of(slot(now)))))).path("id");
        Instant at = TestClock.now().plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.SECONDS);

        keys.asEditor().contentType(ContentType.JSON)
                .body(Map.of("at", TestClock.now().minusSeconds(5).toString(), "front", front(null, "Evening", List.of())))
                .post("/v1/fronts/" + slug + "/schedule").then().statusCode(400).body("errors.field", contains("at"));
        String scheduled = keys.asEditor().contentType(ContentType.JSON)
                .body(Map.of("at", at.toString(), "front", front(null, "Evening", List.of(collection("Top", List.of(slot(later)))))))
                .post("/v1/fronts/" + slug + "/schedule").then().statusCode(201)
                .body("at", equalTo(at.toString())).body("appliedAt", nullValue()).extract().path("id");
        String cancelled = keys.asEditor().contentType(ContentType.JSON)
                .body(Map.of("at", at.plusSeconds(60).toString(), "front", front(null, "Never", List.of())))
                .post("/v1/fronts/" + slug + "/schedule").then().statusCode(201).extract().path("id");
        keys.asEditor().delete("/v1/fronts/" + slug + "/schedule/" + cancelled).then().statusCode(204);
        keys.asEditor().get("/v1/fronts/" + slug + "/schedule").then().statusCode(200).body("items.id", contains(scheduled));

        writes.applyDue();
        given().get("/v1/fronts/" + slug).then().statusCode(200).body("title", equalTo("Scheduled"));

        TestClock.advance(Duration.ofHours(1).plusSeconds(1));
        assertThat(writes.applyDue()).isGreaterThanOrEqualTo(1);
        given().get("/v1/fronts/" + slug).then().statusCode(200).body("title", equalTo("Evening"))
                .body("collections[0].items.article.slug", contains(later.slug));
        keys.asEditor().get("/v1/fronts/" + slug + "/schedule").then().statusCode(200)
                .body("items[0].appliedAt", not(nullValue()));
        keys.asEditor().delete("/v1/fronts/" + slug + "/schedule/" + scheduled).then().statusCode(409);

        List<ChangeType> types = QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                        "select e.type from ChangeEvent e where e.articleId = :id order by e.seq", ChangeType.class)
                .setParameter("id", UUID.fromString(id)).getResultList());
        assertThat(types).containsExactly(ChangeType.FRONT, ChangeType.FRONT);
        long seq = QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                        "select max(e.seq) from ChangeEvent e where e.articleId = :id", Long.class)
                .setParameter("id", UUID.fromString(id)).getSingleResult());
        given().queryParam("since", news.dispatch.change.ChangeFeed.cursor(seq - 1)).queryParam("limit", 1)
                .get("/v1/changes").then().statusCode(200)
                .body("items[0].type", equalTo("front")).body("items[0].slug", equalTo(slug))
                .body("items[0].visible", equalTo(true));
    }
}
