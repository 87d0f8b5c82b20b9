package news.dispatch.alert;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import news.dispatch.article.Article;
import news.dispatch.article.ArticleStatus;
import news.dispatch.change.ChangeEvent;
import news.dispatch.change.ChangeFeed;
import news.dispatch.section.Section;
import news.dispatch.tag.Tag;
import news.dispatch.tag.TagType;
import news.dispatch.testsupport.ContentChanges;
import news.dispatch.testsupport.Fixtures;
import news.dispatch.testsupport.TestKeys;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
class AlertResourceTest {

    static final String PROBLEM = "application/problem+json";

    @Inject
    Fixtures fixtures;

    @Inject
    ContentChanges content;

    @Inject
    TestKeys keys;

    @Inject
    EntityManager em;

    @Inject
    ChangeFeed feed;

    Map<String, Object> alert(String article, String title) {
        Map<String, Object> body = new HashMap<>();
        body.put("article", article);
        body.put("level", "breaking");
        body.put("title", title);
        return body;
    }

    String issue(Map<String, Object> body) {
        return keys.asEditor().contentType(ContentType.JSON).body(body).post("/v1/alerts")
                .then().statusCode(201).extract().path("id");
    }

    List<ChangeEvent> events(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                        "select e from ChangeEvent e where e.articleId = :id order by e.seq", ChangeEvent.class)
                .setParameter("id", id).getResultList());
    }

    @Test
    void anAlertIsListedNewestFirstWithItsTopicsAndFeedsPartners() {
        Section section = fixtures.section("Alerts " + Fixtures.unique("s"));
        Tag tag = fixtures.tag("Alert tag " + Fixtures.unique("t"), TagType.TOPIC);
        Article a = content.create(fixtures.article("Blast in the capital " + Fixtures.unique("a")).section(section).tags(tag));
        Map<String, Object> body = alert(a.slug, "Blast in the capital");
        body.put("body", "Several people are reported hurt.");
        String first = keys.asEditor().contentType(ContentType.JSON).body(body).post("/v1/alerts")
                .then().statusCode(201)
                .header("Cache-Control", "no-store")
                .body("level", equalTo("breaking"))
                .body("topics", contains(section.slug, tag.slug))
                .body("article.slug", equalTo(a.slug))
                .body("article.url", startsWith("https://"))
                .extract().path("id");
        Map<String, Object> second = alert(a.id.toString(), "Update: casualties confirmed");
        second.put("level", "major");
        second.put("topics", List.of(tag.slug));
        String later = issue(second);

        given().queryParam("topic", section.slug).get("/v1/alerts").then().statusCode(200)
                .header("Surrogate-Key", org.hamcrest.Matchers.containsString("alerts"))
                .body("items.id", contains(first));
        given().queryParam("topic", tag.slug).get("/v1/alerts").then().statusCode(200)
                .body("items.id", contains(later, first));
        assertThat(events(a.id)).extracting(e -> e.type.value()).containsExactly("publish", "alert", "alert");
    }

    @Test
    void cachedUntilAnAlertIsIssuedOrWithdrawn() {
        Tag tag = fixtures.tag("Cached alert " + Fixtures.unique("t"), TagType.TOPIC);
        Article a = content.create(fixtures.article("Cached " + Fixtures.unique("a")).tags(tag));
        String etag = given().queryParam("topic", tag.slug).get("/v1/alerts").then().statusCode(200)
                .header("Cache-Control", startsWith("public")).extract().header("ETag");
        given().queryParam("topic", tag.slug).header("If-None-Match", etag).get("/v1/alerts").then().statusCode(304);
        String id = issue(alert(a.slug, "Cached"));
        given().queryParam("topic", tag.slug).header("If-None-Match", etag).get("/v1/alerts").then().statusCode(200)
                .body("items.id", contains(id));
        keys.asEditor().delete("/v1/alerts/" + id).then().statusCode(204);
        keys.asEditor().delete("/v1/alerts/" + id).then().statusCode(204);
        given().queryParam("topic", tag.slug).get("/v1/alerts").then().statusCode(200).body("items.id", not(hasItem(id)));
    }

    @Test
    void expiredAlertsAndAlertsOfUnpublishedArticlesAreNotActive() {
        Tag tag = fixtures.tag("Expiring " + Fixtures.unique("t"), TagType.TOPIC);
        Article a = content.create(fixtures.article("Expiring " + Fixtures.unique("a")).tags(tag));
        String id = issue(alert(a.slug, "Soon gone"));
        QuarkusTransaction.requiringNew().run(() -> em.find(Alert.class, UUID.fromString(id)).expiresAt =
                Instant.now().minus(1, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS));
        given().queryParam("topic", tag.slug).get("/v1/alerts").then().statusCode(200).body("items.id", not(hasItem(id)));

        Article b = content.create(fixtures.article("Withdrawn story " + Fixtures.unique("a")).tags(tag));
        String other = issue(alert(b.slug, "Story pulled"));
        fixtures.update(b, x -> x.status = ArticleStatus.UNPUBLISHED);
        given().queryParam("topic", tag.slug).get("/v1/alerts").then().statusCode(200).body("items.id", not(hasItem(other)));
    }

    @Test
    void anAlertOnALiveEntryIsListedWithItAndReachesTheChangeFeed() {
        Map<String, Object> post = new HashMap<>();
        post.put("headline", "Summit live " + Fixtures.unique("l"));
        post.put("body", Map.of("html", "<p>Follow the summit.</p>"));
        post.put("live", true);
        post.put("status", "published");
        String blog = keys.asEditor().contentType(ContentType.JSON).body(post).post("/v1/articles")
                .then().statusCode(201).extract().path("id");
        String entry = keys.asEditor().contentType(ContentType.JSON)
                .body(Map.of("title", "Leaders sign", "body", Map.of("html", "<p>The accord is signed.</p>")))
                .post("/v1/articles/" + blog + "/entries").then().statusCode(201).extract().path("id");
        String since = ChangeFeed.cursor(feed.head());

        String title = "x".repeat(110);
        Map<String, Object> body = alert(blog, title);
        body.put("entry", entry);
        body.put("level", "info");
        String id = keys.asEditor().contentType(ContentType.JSON).body(body).post("/v1/alerts")
                .then().statusCode(201).body("entryId", equalTo(entry)).body("level", equalTo("info"))
                .body("title", equalTo(title)).extract().path("id");
        given().get("/v1/alerts").then().statusCode(200)
                .body("items.find { it.id == '" + id + "' }.entryId", equalTo(entry))
                .body("items.find { it.id == '" + id + "' }.article.id", equalTo(blog));
        for (var spec : List.of(given(), keys.asPartner())) {
            List<Map<String, Object>> items = spec.queryParam("since", since).queryParam("limit", 100).get("/v1/changes")
                    .then().statusCode(200).extract().jsonPath().getList("items");
            assertThat(items.stream().filter(i -> blog.equals(i.get("id"))).map(i -> i.get("type")).toList())
                    .containsExactly("alert");
        }

        // an entry of another article, or a deleted one, is no entry of this one
        Article other = content.create(fixtures.article("Other " + Fixtures.unique("a")));
        Map<String, Object> elsewhere = alert(other.slug, "Elsewhere");
        elsewhere.put("entry", entry);
        keys.asEditor().contentType(ContentType.JSON).body(elsewhere).post("/v1/alerts")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("entry"));
        String path = "/v1/articles/" + blog + "/entries/" + entry;
        String tag = given().get(path).then().statusCode(200).extract().header("ETag");
        keys.asEditor().header("If-Match", tag).delete(path).then().statusCode(204);
        keys.asEditor().contentType(ContentType.JSON).body(body).post("/v1/alerts")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("entry"));
    }

    @Test
    void badAlertsAre4xx() {
        Article draft = fixtures.article("Draft " + Fixtures.unique("a")).status(ArticleStatus.DRAFT).save();
        keys.asEditor().contentType(ContentType.JSON).body(alert(draft.slug, "No")).post("/v1/alerts")
                .then().statusCode(409).contentType(PROBLEM);
        Article a = content.create(fixtures.article("Alertable " + Fixtures.unique("a")));
        keys.asEditor().contentType(ContentType.JSON).body(alert(a.slug, "x".repeat(111))).post("/v1/alerts")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("title"));
        Map<String, Object> level = alert(a.slug, "Bad level");
        level.put("level", "urgent");
        keys.asEditor().contentType(ContentType.JSON).body(level).post("/v1/alerts").then().statusCode(400).contentType(PROBLEM);
        Map<String, Object> topic = alert(a.slug, "Bad topic");
        topic.put("topics", List.of("no-such-topic-" + Fixtures.unique("x")));
        keys.asEditor().contentType(ContentType.JSON).body(topic).post("/v1/alerts")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("topics[0]"));
        Map<String, Object> expired = alert(a.slug, "Past");
        expired.put("expiresAt", "2020-01-01T00:00:00Z");
        keys.asEditor().contentType(ContentType.JSON).body(expired).post("/v1/alerts")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("expiresAt"));
        Map<String, Object> entry = alert(a.slug, "No entry");
        entry.put("entry", UUID.randomUUID().toString());
        keys.asEditor().contentType(ContentType.JSON).body(entry).post("/v1/alerts")
                .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("entry"));
        keys.asEditor().contentType(ContentType.JSON).body(alert("no-such-article-x9", "Nothing")).post("/v1/alerts")
                .then().statusCode(404).contentType(PROBLEM);
        keys.asPartner().contentType(ContentType.JSON).body(alert(a.slug, "Partner")).post("/v1/alerts")
                .then().statusCode(403).contentType(PROBLEM);
        given().queryParam("topic", "Not A Slug").get("/v1/alerts").then().statusCode(400).contentType(PROBLEM);
        keys.asEditor().delete("/v1/alerts/nope").then().statusCode(404).contentType(PROBLEM);
    }
}
