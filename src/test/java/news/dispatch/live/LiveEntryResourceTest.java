package news.dispatch.live;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import news.dispatch.byline.Byline;
import news.dispatch.byline.BylineKind;
import news.dispatch.change.ChangeEvent;
import news.dispatch.change.ChangeFeed;
import news.dispatch.testsupport.Fixtures;
import news.dispatch.testsupport.TestKeys;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
class LiveEntryResourceTest {

    static final String PROBLEM = "application/problem+json";
    static final String MERGE_PATCH = "application/merge-patch+json";

    @Inject
    Fixtures fixtures;

    @Inject
    TestKeys keys;

    @Inject
    EntityManager em;

    @Inject
    ChangeFeed feed;

    /** A live blog made through the API; answers its id. */
    String blog(String status) {
        Map<String, Object> body = new HashMap<>();
        body.put("headline", "Election day live " + Fixtures.unique("l"));
        body.put("body", Map.of("html", "<p>Follow the vote.</p>"));
        body.put("live", true);
        body.put("status", status);
        return keys.asEditor().contentType(ContentType.JSON).body(body).post("/v1/articles")
                .then().statusCode(201).extract().path("id");
    }

    Map<String, Object> entry(String title, String at) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", title);
        body.put("body", Map.of("html", "<p>" + title + " text.</p>"));
        if (at != null) {
            body.put("at", at);
        }
        return body;
    }

    JsonPath add(String blog, Map<String, Object> entry) {
        return keys.asEditor().contentType(ContentType.JSON).body(entry).post("/v1/articles/" + blog + "/entries")
                .then().statusCode(201).extract().jsonPath();
    }

    String etag(String path) {
        return given().get(path).then().statusCode(200).extract().header("ETag");
    }

    List<ChangeEvent> events(String id) {
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                        "select e from ChangeEvent e where e.articleId = :id order by e.seq", ChangeEvent.class)
                .setParameter("id", UUID.fromString(id)).getResultList());
    }

    @Nested
    class Blog {

        @Test
        void aLiveArticleShowsItsCoverageFromItsPublication() {
            String id = blog("published");
            given().get("/v1/articles/" + id).then().statusCode(200)
                    .body("live", equalTo(true))
                    .body("coverage.start", notNullValue())
                    .body("coverage.end", nullValue());
            JsonPath a = given().get("/v1/articles/" + id).then().extract().jsonPath();
            assertThat(a.getString("coverage.start")).isEqualTo(a.getString("publishedAt"));
        }

        @Test
        void aPublishedArticleBecomesLiveByPatchAndItsCoverageEnds() {
            Map<String, Object> body = new HashMap<>();
            body.put("headline", "Summit coverage " + Fixtures.unique("l"));
            body.put("body", Map.of("html", "<p>The summit opens.</p>"));
            body.put("status", "published");
            var created = keys.asEditor().contentType(ContentType.JSON).body(body).post("/v1/articles")
                    .then().statusCode(201).body("live", equalTo(false)).extract();
            String id = created.path("id");
            String tag = keys.asEditor().contentType(MERGE_PATCH).header("If-Match", created.header("ETag"))
                    .body(Map.of("live", true)).patch("/v1/articles/" + id)
                    .then().statusCode(200).body("live", equalTo(true)).body("coverage.start", notNullValue())
                    .extract().header("ETag");
            add(id, entry("Opening", null));
            String end = "2030-01-01T18:00:00Z";
            String current = keys.asEditor().get("/v1/articles/" + id).then().statusCode(200).extract().header("ETag");
            assertThat(current).isNotEqualTo(tag); // the entry made the article a new version
            keys.asEditor().contentType(MERGE_PATCH).header("If-Match", current)
                    .body(Map.of("coverage", Map.of("end", end))).patch("/v1/articles/" + id)
                    .then().statusCode(200).body("coverage.end", equalTo(end)).body("coverage.start", notNullValue());
            given().accept("application/ld+json").get("/v1/articles/" + id).then().statusCode(200)
                    .body("'@type'", equalTo("LiveBlogPosting"))
                    .body("coverageEndTime", equalTo(end))
                    .body("liveBlogUpdate[0].headline", equalTo("Opening"));
        }

        @Test
        void coverageEndBeforeStartIsA400() {
            Map<String, Object> body = new HashMap<>();
            body.put("headline", "Bad coverage " + Fixtures.unique("l"));
            body.put("body", Map.of("html", "<p>x</p>"));
            body.put("live", true);
            body.put("coverage", Map.of("start", "2024-10-20T10:00:00Z", "end", "2024-10-20T09:00:00Z"));
            keys.asEditor().contentType(ContentType.JSON).body(body).post("/v1/articles")
                    .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("coverage.end"));
        }

        @Test
        void anOrdinaryArticleIsNotLiveAndTakesNoEntries() {
            String id = fixtures.article("Plain story " + Fixtures.unique("p")).save().id.toString();
            given().get("/v1/articles/" + id).then().statusCode(200).body("live", equalTo(false))
                    .body("coverage", nullValue());
            keys.asEditor().contentType(ContentType.JSON).body(entry("No", null)).post("/v1/articles/" + id + "/entries")
                    .then().statusCode(409).contentType(PROBLEM);
        }
    }

    @Nested
    class Writes {

        @Test
        void addingAnEntrySanitisesItMovesTheArticleAndFeedsPartners() {
            String blog = blog("published");
            Byline reporter = fixtures.byline("Reporter " + Fixtures.unique("r"), BylineKind.PERSON);
            String articleTag = etag("/v1/articles/" + blog);
            Map<String, Object> body = entry("Polls open", "2024-10-20T05:00:00Z");
            body.put("body", Map.of("html", "<p onclick=\"x()\">Polls opened.</p><script>alert(1)</script>"));
            body.put("bylines", List.of(reporter.slug));
            body.put("keyEvent", true);
            body.put("image", Map.of("url", "https://www.example.com/a.jpg", "alt", "A queue", "caption", "Queue"));
            var created = keys.asEditor().contentType(ContentType.JSON).body(body).post("/v1/articles/" + blog + "/entries")
                    .then().statusCode(201)
                    .header("Location", startsWith("/v1/articles/" + blog + "/entries/"))
                    .header("ETag", notNullValue())
                    .body("body.html", equalTo("<p>Polls opened.</p>"))
                    .body("body.text", equalTo("Polls opened."))
                    .body("bylines[0].slug", equalTo(reporter.slug))
                    .body("bylines[0].name", equalTo(reporter.name))
                    .body("image.alt", equalTo("A queue"))
                    .body("keyEvent", equalTo(true))
                    .body("pinned", equalTo(false))
                    .body("at", equalTo("2024-10-20T05:00:00Z"))
                    .body("deleted", equalTo(false))
                    .extract();
            String location = created.header("Location");
            given().get(location).then().statusCode(200).header("ETag", equalTo(created.header("ETag")))
                    .body("title", equalTo("Polls open"));

            assertThat(etag("/v1/articles/" + blog)).isNotEqualTo(articleTag);
            assertThat(events(blog)).extracting(e -> e.type.value()).containsExactly("publish", "entry-added");
        }

        @Test
        void editsNeedTheEntrysCurrentETag() {
            String blog = blog("published");
            String id = add(blog, entry("First", null)).getString("id");
            String path = "/v1/articles/" + blog + "/entries/" + id;
            String tag = etag(path);

            keys.asEditor().contentType(MERGE_PATCH).body(Map.of("title", "Edited")).patch(path)
                    .then().statusCode(428).contentType(PROBLEM);
            keys.asEditor().contentType(MERGE_PATCH).header("If-Match", "\"99.x\"").body(Map.of("title", "Edited")).patch(path)
                    .then().statusCode(412).contentType(PROBLEM);
            String edited = keys.asEditor().contentType(MERGE_PATCH).header("If-Match", tag)
                    .body(Map.of("title", "Edited", "pinned", true)).patch(path)
                    .then().statusCode(200).body("title", equalTo("Edited")).body("pinned", equalTo(true))
                    .body("body.text", equalTo("First text."))
                    .extract().header("ETag");
            assertThat(edited).isNotEqualTo(tag);
            keys.asEditor().contentType(MERGE_PATCH).header("If-Match", edited).body("{\"body\": null}").patch(path)
                    .then().statusCode(400).contentType(PROBLEM);

            keys.asEditor().delete(path).then().statusCode(428);
            keys.asEditor().header("If-Match", tag).delete(path).then().statusCode(412);
            keys.asEditor().header("If-Match", edited).delete(path).then().statusCode(204);
            given().get(path).then().statusCode(404).contentType(PROBLEM);
            assertThat(events(blog)).extracting(e -> e.type.value())
                    .containsExactly("publish", "entry-added", "entry-updated", "entry-deleted");
        }

        @Test
        void badEntriesAre400s() {
            String blog = blog("published");
            Map<String, Object> unknownByline = entry("x", null);
            unknownByline.put("bylines", List.of("no-such-byline-" + Fixtures.unique("b")));
            keys.asEditor().contentType(ContentType.JSON).body(unknownByline).post("/v1/articles/" + blog + "/entries")
                    .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("bylines[0]"));
            keys.asEditor().contentType(ContentType.JSON).body(Map.of("body", Map.of("html", "<script>x()</script>")))
                    .post("/v1/articles/" + blog + "/entries")
                    .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("body.html"));
            keys.asEditor().contentType(ContentType.JSON).body(Map.of("title", "No body"))
                    .post("/v1/articles/" + blog + "/entries")
                    .then().statusCode(400).contentType(PROBLEM);
            keys.asEditor().contentType(ContentType.JSON).body("{\"body\": {\"html\": \"<p>x</p>\"}, \"extra\": 1}")
                    .post("/v1/articles/" + blog + "/entries")
                    .then().statusCode(400).contentType(PROBLEM);
            given().contentType(ContentType.JSON).body(entry("Anonymous", null)).post("/v1/articles/" + blog + "/entries")
                    .then().statusCode(401).contentType(PROBLEM);
            keys.asPartner().contentType(ContentType.JSON).body(entry("Partner", null)).post("/v1/articles/" + blog + "/entries")
                    .then().statusCode(403).contentType(PROBLEM);
            keys.asEditor().contentType(ContentType.JSON).body(entry("x", null)).post("/v1/articles/no-such-blog-x1/entries")
                    .then().statusCode(404).contentType(PROBLEM);
        }

        @Test
        void aDraftBlogTakesEntriesButReadersCannotSeeThemAndPartnersHearNothing() {
            String blog = blog("draft");
            add(blog, entry("Early", null));
            given().get("/v1/articles/" + blog + "/entries").then().statusCode(404).contentType(PROBLEM);
            assertThat(events(blog)).isEmpty();
        }
    }

    @Nested
    class Polling {

        @Test
        void listsNewestFirstAndPollsWhatChangedSince() {
            String blog = blog("published");
            String first = add(blog, entry("One", "2024-10-20T05:00:00Z")).getString("id");
            String second = add(blog, entry("Two", "2024-10-20T06:00:00Z")).getString("id");
            add(blog, entry("Three", "2024-10-20T07:00:00Z"));

            JsonPath all = given().get("/v1/articles/" + blog + "/entries").then().statusCode(200)
                    .body("items.title", contains("Three", "Two", "One")).extract().jsonPath();
            String latest = all.getString("latest");
            given().queryParam("since", latest).get("/v1/articles/" + blog + "/entries").then().statusCode(200)
                    .body("items", empty()).body("latest", equalTo(latest));

            String tag = etag("/v1/articles/" + blog + "/entries/" + second);
            keys.asEditor().contentType(MERGE_PATCH).header("If-Match", tag).body(Map.of("title", "Two, edited"))
                    .patch("/v1/articles/" + blog + "/entries/" + second).then().statusCode(200);
            String firstTag = etag("/v1/articles/" + blog + "/entries/" + first);
            keys.asEditor().header("If-Match", firstTag).delete("/v1/articles/" + blog + "/entries/" + first)
                    .then().statusCode(204);
            add(blog, entry("Four", "2024-10-20T08:00:00Z"));

            JsonPath since = given().queryParam("since", latest).get("/v1/articles/" + blog + "/entries")
                    .then().statusCode(200).body("items", hasSize(3))
                    .body("items[0].title", equalTo("Four"))
                    .body("items[1].title", equalTo("Two, edited"))
                    .body("items[2].id", equalTo(first))
                    .body("items[2].deleted", equalTo(true))
                    .body("items[2].body", nullValue())
                    .extract().jsonPath();
            assertThat(since.getString("latest")).isNotEqualTo(latest);
            given().get("/v1/articles/" + blog + "/entries").then().statusCode(200)
                    .body("items.title", contains("Four", "Three", "Two, edited"));
        }

        @Test
        void pagesByKeyset() {
            String blog = blog("published");
            for (int i = 1; i <= 3; i++) {
                add(blog, entry("E" + i, "2024-10-20T0" + i + ":00:00Z"));
            }
            var first = given().queryParam("limit", 2).get("/v1/articles/" + blog + "/entries").then().statusCode(200)
                    .body("items.title", contains("E3", "E2")).header("Link", notNullValue()).extract();
            String next = first.path("page.next");
            given().queryParam("limit", 2).queryParam("cursor", next).get("/v1/articles/" + blog + "/entries")
                    .then().statusCode(200).body("items.title", contains("E1")).body("page.next", nullValue());
        }

        @Test
        void answers304UntilAnEntryIsWritten() {
            String blog = blog("published");
            add(blog, entry("One", null));
            String path = "/v1/articles/" + blog + "/entries";
            String tag = given().get(path).then().statusCode(200).header("Cache-Control", startsWith("public"))
                    .header("Surrogate-Key", org.hamcrest.Matchers.containsString("article-" + blog))
                    .extract().header("ETag");
            given().header("If-None-Match", tag).get(path).then().statusCode(304);
            add(blog, entry("Two", null));
            given().header("If-None-Match", tag).get(path).then().statusCode(200).body("items", hasSize(2));
        }

        @Test
        void badCursorsAre400s() {
            String blog = blog("published");
            String other = blog("published");
            String otherLatest = given().get("/v1/articles/" + other + "/entries").then().extract().path("latest");
            given().queryParam("since", "nonsense").get("/v1/articles/" + blog + "/entries")
                    .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("since"));
            given().queryParam("since", otherLatest).get("/v1/articles/" + blog + "/entries")
                    .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("since"));
            given().queryParam("cursor", "nonsense").get("/v1/articles/" + blog + "/entries")
                    .then().statusCode(400).contentType(PROBLEM);
            given().queryParam("limit", 0).get("/v1/articles/" + blog + "/entries")
                    .then().statusCode(400).contentType(PROBLEM);
            given().get("/v1/articles/" + blog + "/entries/not-an-id").then().statusCode(404).contentType(PROBLEM);
        }
    }

    /** What follows each entry write: the article, the change feed, the feeds. */
    @Nested
    class Followers {

        @Test
        void eachEntryWriteMovesTheArticleAndReachesTheChangeFeedWithTheArticleId() throws InterruptedException {
            String blog = blog("published");
            String since = ChangeFeed.cursor(feed.head());
            JsonPath before = given().get("/v1/articles/" + blog).then().statusCode(200).extract().jsonPath();
            Thread.sleep(1100); // updatedAt is shown in whole seconds
            String id = add(blog, entry("One", null)).getString("id");
            JsonPath added = given().get("/v1/articles/" + blog).then().statusCode(200).extract().jsonPath();
            assertThat(Instant.parse(added.getString("updatedAt"))).isAfter(Instant.parse(before.getString("updatedAt")));
            String path = "/v1/articles/" + blog + "/entries/" + id;
            String edited = keys.asEditor().contentType(MERGE_PATCH).header("If-Match", etag(path))
                    .body(Map.of("title", "One, edited")).patch(path).then().statusCode(200).extract().header("ETag");
            JsonPath patched = given().get("/v1/articles/" + blog).then().statusCode(200).extract().jsonPath();
            assertThat(Instant.parse(patched.getString("updatedAt"))).isAfterOrEqualTo(Instant.parse(added.getString("updatedAt")));
            String beforeDelete = etag("/v1/articles/" + blog);
            keys.asEditor().header("If-Match", edited).delete(path).then().statusCode(204);
            assertThat(etag("/v1/articles/" + blog)).isNotEqualTo(beforeDelete);

            for (var spec : List.of(given(), keys.asPartner())) {
                List<Map<String, Object>> items = spec.queryParam("since", since).queryParam("limit", 100)
                        .get("/v1/changes").then().statusCode(200).extract().jsonPath().getList("items");
                assertThat(items.stream().filter(i -> blog.equals(i.get("id"))).toList())
                        .extracting(i -> i.get("type"), i -> i.get("visible"))
                        .containsExactly(org.assertj.core.groups.Tuple.tuple("entry-added", true),
                                org.assertj.core.groups.Tuple.tuple("entry-updated", true),
                                org.assertj.core.groups.Tuple.tuple("entry-deleted", true));
            }
        }

        @Test
        void feedsShowTheLiveArticleOnceWithItsLatestUpdate() {
            String blog = blog("published");
            add(blog, entry("One", null));
            add(blog, entry("Two", null));
            String updatedAt = given().get("/v1/articles/" + blog).then().statusCode(200).extract().path("updatedAt");
            List<Map<String, Object>> items = given().get("/v1/feeds/latest.json").then().statusCode(200)
                    .extract().jsonPath().getList("items");
            List<Map<String, Object>> mine = items.stream().filter(i -> ("urn:uuid:" + blog).equals(i.get("id"))).toList();
            assertThat(mine).hasSize(1);
            assertThat(Instant.parse((String) mine.get(0).get("date_modified"))).isEqualTo(Instant.parse(updatedAt));
            String atom = given().get("/v1/feeds/latest.atom").then().statusCode(200).extract().asString();
            assertThat(atom.split("urn:uuid:" + blog, -1)).hasSize(2);
        }
    }

    @Test
    void schemaOrgShowsALiveBlogPostingWithItsUpdates() {
        String blog = blog("published");
        add(blog, entry("One", "2024-10-20T05:00:00Z"));
        add(blog, entry("Two", "2024-10-20T06:00:00Z"));
        given().accept("application/ld+json").get("/v1/articles/" + blog).then().statusCode(200)
                .body("'@type'", equalTo("LiveBlogPosting"))
                .body("coverageStartTime", notNullValue())
                .body("liveBlogUpdate", hasSize(2))
                .body("liveBlogUpdate[0].'@type'", equalTo("BlogPosting"))
                .body("liveBlogUpdate[0].headline", equalTo("Two"))
                .body("liveBlogUpdate[1].articleBody", equalTo("One text."));
    }
}
