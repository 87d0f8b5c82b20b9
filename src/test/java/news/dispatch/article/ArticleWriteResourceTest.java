package news.dispatch.article;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import news.dispatch.byline.Byline;
import news.dispatch.byline.BylineKind;
import news.dispatch.change.ChangeEvent;
import news.dispatch.section.Section;
import news.dispatch.tag.Tag;
import news.dispatch.tag.TagType;
import news.dispatch.testsupport.Fixtures;
import news.dispatch.testsupport.TestKeys;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.hamcrest.Matchers.endsWith;

@QuarkusTest
class ArticleWriteResourceTest {

    static final String PROBLEM = "application/problem+json";

    static final class MergePatchType {
        static final String TYPE = "application/merge-patch+json";
    }

    @Inject
    Fixtures fixtures;

    @Inject
    TestKeys keys;

    @Inject
    EntityManager em;

    Map<String, Object> article(String headline) {
        Map<String, Object> body = new HashMap<>();
        body.put("headline", headline);
        body.put("body", Map.of("html", "<p>" + headline + " body text.</p>"));
        return body;
    }

    ExtractableResponse<Response> create(Map<String, Object> body) {
        return keys.asEditor().contentType(ContentType.JSON).body(body)
                .when().post("/v1/articles")
                .then().statusCode(201).extract();
    }

    List<ChangeEvent> events(String id) {
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select e from ChangeEvent e where e.articleId = :id order by e.seq", ChangeEvent.class)
                .setParameter("id", UUID.fromString(id)).getResultList());
    }

    @Nested
    class Create {

        @Test
        void createsADraftWithSlugSanitisedBodyAndStats() {
            Section section = fixtures.section("Politics");
            Tag tag = fixtures.tag("Iraq", TagType.PLACE);
            Byline agency = fixtures.byline("ESTA", BylineKind.ORGANISATION);
            String headline = "Iraqi prime minister to meet Biden " + Fixtures.unique("w");
            Map<String, Object> body = article(headline);
            body.put("body", Map.of("html", "<p onclick=\"x()\">One two three.</p><script>alert(1)</script><p>Four</p>"));
            body.put("section", section.slug);
            body.put("tags", List.of(tag.slug));
            body.put("bylines", List.of(Map.of("byline", agency.slug, "role", "agency")));
            body.put("leadImage", Map.of("url", "https://example.com/a.jpg", "alt", "A podium"));
            body.put("dateline", Map.of("place", "SULAIMANI", "source", "ESTA"));

            var created = create(body);
            String id = created.path("id");
            assertThat(created.header("Location")).endsWith("/v1/articles/" + id);
            assertThat(created.header("ETag")).matches("\"\\d+\\.[A-Za-z0-9_-]+(\\+gz|\\+br)?\"");
            assertThat(created.<String>path("status")).isEqualTo("draft");
            assertThat(created.<String>path("slug")).startsWith("iraqi-prime-minister-to-meet-biden-w-");
            assertThat(created.<String>path("body.html")).isEqualTo("<p>One two three.</p><p>Four</p>");
            assertThat(created.<String>path("body.text")).isEqualTo("One two three.\n\nFour");
            assertThat(created.<Integer>path("wordCount")).isEqualTo(4);
            assertThat(created.<Integer>path("readingMinutes")).isEqualTo(1);
            assertThat(created.<String>path("section.slug")).isEqualTo(section.slug);
            assertThat(created.<String>path("tags[0].slug")).isEqualTo(tag.slug);
            assertThat(created.<String>path("bylines[0].role")).isEqualTo("agency");
            assertThat(created.<String>path("leadImage.alt")).isEqualTo("A podium");
            assertThat(created.<String>path("publishedAt")).isNull();
            assertThat(events(id)).isEmpty();

            // A draft is nobody's business but the newsroom's.
            given().get("/v1/articles/" + id).then().statusCode(404);
            keys.asPartner().get("/v1/articles/" + id).then().statusCode(404);
            given().queryParam("section", section.slug).queryParam("count", "true").get("/v1/articles")
                    .then().statusCode(200).body("items", empty()).body("page.total", equalTo(0));
            keys.asEditor().get("/v1/articles/" + id).then().statusCode(200).body("status", equalTo("draft"))
                    .header("Cache-Control", startsWith("private"));
            keys.asEditor().queryParam("section", section.slug).queryParam("status", "draft").get("/v1/articles")
                    .then().statusCode(200).body("items.id", contains(id));
            given().get("/v1/tags/" + tag.slug).then().statusCode(200).body("articleCount", equalTo(0));
        }

        @Test
        void createsPublishedWhenAsked() {
            Map<String, Object> body = article("Published at once " + Fixtures.unique("p"));
            body.put("status", "published");
            var created = create(body);
            String id = created.path("id");
            assertThat(created.<String>path("publishedAt")).isNotNull();
            assertThat(created.<String>path("firstPublishedAt")).isEqualTo(created.path("publishedAt"));
            given().get("/v1/articles/" + id).then().statusCode(200).body("status", equalTo("published"));
            assertThat(events(id)).extracting(e -> e.type.value()).containsExactly("publish");
        }

        @Test
        void slugFromKurdishHeadlineIsAscii() {
            var created = create(article("سەرۆک وەزیرانی عێراق " + Fixtures.unique("k")));
            assertThat(created.<String>path("slug")).matches("[a-z0-9]+(-[a-z0-9]+)*");
        }

        @Test
        void sameHeadlineGetsANumberedSlug() {
            String headline = "Same headline " + Fixtures.unique("s");
            String first = create(article(headline)).path("slug");
            String second = create(article(headline)).path("slug");
            assertThat(second).isEqualTo(first + "-2");
        }

        @Test
        void draftSlugFollowsTheHeadlineOnPutUnlessGiven() {
            var created = create(article("Working title"));
            var renamed = keys.asEditor().contentType(ContentType.JSON).header("If-Match", created.header("ETag"))
                    .body(article("Final title")).put("/v1/articles/" + created.path("id"))
                    .then().statusCode(200).extract();
            assertThat(renamed.<String>path("slug")).startsWith("final-title");
            // A draft's slug was never public: no redirect is kept.
            given().redirects().follow(false).get("/v1/articles/" + created.path("slug")).then().statusCode(404);
        }

        @Test
        void takenSlugIs409() {
            String slug = Fixtures.unique("taken");
            Map<String, Object> body = article("First");
            body.put("slug", slug);
            create(body);
            Map<String, Object> again = article("Second");
            again.put("slug", slug);
            keys.asEditor().contentType(ContentType.JSON).body(again).post("/v1/articles")
                    .then().statusCode(409).contentType(PROBLEM).body("type", equalTo("urn:dispatch:problem:conflict"));
        }
    }

    ExtractableResponse<Response> get(String id) {
        return keys.asEditor().get("/v1/articles/" + id).then().statusCode(200).extract();
    }

    @Nested
    class Update {

        @Test
        void putWithoutIfMatchIs428AndChangesNothing() {
            var created = create(article("Needs a precondition"));
            String id = created.path("id");
            keys.asEditor().contentType(ContentType.JSON).body(article("Changed")).put("/v1/articles/" + id)
                    .then().statusCode(428).contentType(PROBLEM)
                    .body("type", equalTo("urn:dispatch:problem:precondition-required"));
            assertThat(get(id).<String>path("headline")).isEqualTo("Needs a precondition");
        }

        @Test
        void staleIfMatchIs412() {
            var created = create(article("Edited twice"));
            String id = created.path("id");
            String etag = created.header("ETag");
            keys.asEditor().contentType(ContentType.JSON).header("If-Match", etag).body(article("First edit"))
                    .put("/v1/articles/" + id).then().statusCode(200).body("headline", equalTo("First edit"));
            keys.asEditor().contentType(ContentType.JSON).header("If-Match", etag).body(article("Second edit"))
                    .put("/v1/articles/" + id).then().statusCode(412).contentType(PROBLEM)
                    .body("type", equalTo("urn:dispatch:problem:precondition-failed"));
            keys.asEditor().header("If-Match", etag).delete("/v1/articles/" + id).then().statusCode(412);
            keys.asEditor().header("If-Match", "\"garbage\"").contentType(MergePatchType.TYPE).body("{}")
                    .patch("/v1/articles/" + id).then().statusCode(412);
            assertThat(get(id).<String>path("headline")).isEqualTo("First edit");
        }

        @Test
        void putReturnsTheNewETagWhichWorksForTheNextEdit() {
            var created = create(article("Chain"));
            String id = created.path("id");
            String etag = created.header("ETag");
            for (int i = 0; i < 3; i++) {
                var updated = keys.asEditor().contentType(ContentType.JSON).header("If-Match", etag).body(article("Chain " + i))
                        .put("/v1/articles/" + id).then().statusCode(200).extract();
                assertThat(updated.header("ETag")).isNotEqualTo(etag);
                etag = updated.header("ETag");
            }
            // The GET ETag of the current version is accepted as well.
            String current = get(id).header("ETag");
            assertThat(current).isEqualTo(etag);
            keys.asEditor().header("If-Match", current).delete("/v1/articles/" + id).then().statusCode(204);
        }

        @Test
        void mergePatchChangesOnlyTheNamedFieldsAndNullClears() {
            Map<String, Object> body = article("Patch me");
            body.put("standfirst", "A dek");
            body.put("dateline", Map.of("place", "ERBIL", "source", "ESTA"));
            var created = create(body);
            String id = created.path("id");
            keys.asEditor().contentType(MergePatchType.TYPE).header("If-Match", created.header("ETag"))
                    .body("{\"headline\": \"Patched\", \"standfirst\": null, \"dateline\": {\"place\": \"DUHOK\"}}")
                    .patch("/v1/articles/" + id)
                    .then().statusCode(200)
                    .body("headline", equalTo("Patched"))
                    .body("standfirst", nullValue())
                    .body("dateline.place", equalTo("DUHOK"))
                    .body("dateline.source", equalTo("ESTA"))
                    .body("body.text", equalTo("Patch me body text."))
                    .body("slug", equalTo(created.<String>path("slug")));
        }

        @Test
        void patchIsValidatedLikePut() {
            var created = create(article("Patch validation"));
            keys.asEditor().contentType(MergePatchType.TYPE).header("If-Match", created.header("ETag"))
                    .body("{\"headline\": \"\", \"leadImage\": {\"url\": \"https://example.com/x.jpg\"}, \"nope\": 1}")
                    .patch("/v1/articles/" + created.path("id"))
                    .then().statusCode(400).contentType(PROBLEM)
                    .body("errors.field", hasItem("nope"));
            keys.asEditor().contentType(MergePatchType.TYPE).header("If-Match", created.header("ETag"))
                    .body("{\"headline\": \"\", \"leadImage\": {\"url\": \"https://example.com/x.jpg\"}}")
                    .patch("/v1/articles/" + created.path("id"))
                    .then().statusCode(400).contentType(PROBLEM)
                    .body("errors.field", contains("headline", "leadImage.alt"));
        }

        @Test
        void patchNeedsTheMergePatchMediaType() {
            var created = create(article("Media type"));
            keys.asEditor().contentType(ContentType.JSON).header("If-Match", created.header("ETag")).body("{}")
                    .patch("/v1/articles/" + created.path("id"))
                    .then().statusCode(415).contentType(PROBLEM)
                    .body("type", equalTo("urn:dispatch:problem:unsupported-media-type"));
        }

        @Test
        void manyConcurrentWritersNeverLoseAnUpdate() throws Exception {
            var created = create(article("Contended"));
            String id = created.path("id");
            String etag = created.header("ETag");
            int writers = 12;
            var pool = java.util.concurrent.Executors.newFixedThreadPool(writers);
            var start = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<Integer>> results = new ArrayList<>();
            String editor = keys.editor();
            for (int i = 0; i < writers; i++) {
                int n = i;
                results.add(pool.submit(() -> {
                    start.await();
                    return given().header("Authorization", "Bearer " + editor).contentType(ContentType.JSON)
                            .header("If-Match", etag).body(article("Writer " + n))
                            .put("/v1/articles/" + id).then().extract().statusCode();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (var r : results) {
                statuses.add(r.get(60, java.util.concurrent.TimeUnit.SECONDS));
            }
            pool.shutdown();
            assertThat(statuses).containsOnly(200, 412);
            assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
            // The one accepted write is what the article shows, and its predecessor is the only revision.
            String headline = get(id).path("headline");
            assertThat(headline).startsWith("Writer ");
            keys.asEditor().get("/v1/articles/" + id + "/revisions").then().statusCode(200)
                    .body("items", hasSize(1)).body("items[0].content.headline", equalTo("Contended"));

            // Writers that each re-read before writing all get through, one after another.
            List<java.util.concurrent.Future<Integer>> retried = new ArrayList<>();
            var pool2 = java.util.concurrent.Executors.newFixedThreadPool(6);
            for (int i = 0; i < 6; i++) {
                int n = i;
                retried.add(pool2.submit(() -> {
                    for (int attempt = 0; attempt < 50; attempt++) {
                        String current = given().header("Authorization", "Bearer " + editor).get("/v1/articles/" + id)
                                .then().extract().header("ETag");
                        int status = given().header("Authorization", "Bearer " + editor).contentType(MergePatchType.TYPE)
                                .header("If-Match", current).body("{\"standfirst\": \"retry " + n + "\"}")
                                .patch("/v1/articles/" + id).then().extract().statusCode();
                        if (status == 200) {
                            return attempt;
                        }
                        assertThat(status).isEqualTo(412);
                    }
                    return -1;
                }));
            }
            for (var r : retried) {
                assertThat(r.get(120, java.util.concurrent.TimeUnit.SECONDS)).isNotNegative();
            }
            pool2.shutdown();
            keys.asEditor().queryParam("count", "true").get("/v1/articles/" + id + "/revisions").then().statusCode(200)
                    .body("page.total", equalTo(7));
        }
    }

    @Nested
    class Revisions {

        @Test
        void aRevisionIsFetchedComparedAndRestoredAsANewVersion() {
            Map<String, Object> body = article("Revision one");
            body.put("status", "published");
            body.put("standfirst", "The first standfirst.");
            var created = create(body);
            String id = created.path("id");
            String slug = created.path("slug");
            keys.asEditor().contentType(MergePatchType.TYPE).header("If-Match", created.header("ETag"))
                    .body("{\"headline\": \"Revision two\", \"leadImage\": {\"url\": \"https://www.example.com/a.jpg\", \"alt\": \"A\"}}")
                    .patch("/v1/articles/" + id).then().statusCode(200);
            int first = keys.asEditor().get("/v1/articles/" + id + "/revisions").then().statusCode(200)
                    .body("items", hasSize(1)).extract().path("items[0].version");
            String path = "/v1/articles/" + id + "/revisions/" + first;

            keys.asEditor().get(path).then().statusCode(200)
                    .header("ETag", org.hamcrest.Matchers.notNullValue())
                    .body("version", equalTo(first))
                    .body("content.headline", equalTo("Revision one"))
                    .body("$", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("differences")));
            keys.asEditor().queryParam("compare", "current").get(path).then().statusCode(200)
                    .body("differences.field", contains("headline", "leadImage"))
                    .body("differences[0].from", equalTo("Revision one"))
                    .body("differences[0].to", equalTo("Revision two"))
                    .body("differences[1].from", org.hamcrest.Matchers.nullValue())
                    .body("differences[1].to.url", equalTo("https://www.example.com/a.jpg"));

            keys.asEditor().get("/v1/articles/" + id + "/revisions/999").then().statusCode(404).contentType(PROBLEM);
            keys.asEditor().get("/v1/articles/" + id + "/revisions/first").then().statusCode(404).contentType(PROBLEM);
            keys.asEditor().queryParam("compare", "latest").get(path).then().statusCode(400).contentType(PROBLEM)
                    .body("errors[0].field", equalTo("compare"));
            given().get(path).then().statusCode(401).contentType(PROBLEM);

            // Restoring needs the current ETag, and brings the content back as a new version.
            String restore = path + "/restore";
            keys.asEditor().post(restore).then().statusCode(428).contentType(PROBLEM);
            keys.asEditor().header("If-Match", created.header("ETag")).post(restore).then().statusCode(412).contentType(PROBLEM);
            String current = keys.asEditor().get("/v1/articles/" + id).then().extract().header("ETag");
            keys.asEditor().header("If-Match", current).post(restore).then().statusCode(200)
                    .header("ETag", org.hamcrest.Matchers.not(equalTo(current)))
                    .body("headline", equalTo("Revision one"))
                    .body("standfirst", equalTo("The first standfirst."))
                    .body("leadImage", org.hamcrest.Matchers.nullValue())
                    .body("slug", equalTo(slug))
                    .body("status", equalTo("published"));
            keys.asEditor().queryParam("count", "true").get("/v1/articles/" + id + "/revisions").then().statusCode(200)
                    .body("page.total", equalTo(2))
                    .body("items[0].content.headline", equalTo("Revision two"));
            assertThat(events(id)).extracting(e -> e.type.value()).containsExactly("publish", "update", "update");
            keys.asEditor().header("If-Match", "*").post("/v1/articles/" + id + "/revisions/999/restore").then().statusCode(404);
        }
    }

    @Nested
    class Validation {

        @Test
        void oneErrorPerBadFieldWithJsonPaths() {
            Map<String, Object> body = new HashMap<>();
            body.put("headline", " ");
            body.put("slug", "Not A Slug");
            body.put("language", "english!");
            body.put("leadImage", Map.of("url", "ftp://x", "alt", "", "width", 0));
            body.put("tags", List.of(""));
            body.put("bylines", List.of(Map.of("byline", "")));
            keys.asEditor().contentType(ContentType.JSON).body(body).post("/v1/articles")
                    .then().statusCode(400).contentType(PROBLEM)
                    .body("type", equalTo("urn:dispatch:problem:invalid-request"))
                    .body("errors.field", contains("body", "bylines[0].byline", "headline", "language", "leadImage.alt",
                            "leadImage.url", "leadImage.width", "slug", "tags[0]"));
        }

        @Test
        void unknownReferencesAre400PerField() {
            Map<String, Object> body = article("References");
            body.put("section", "no-such-section");
            body.put("tags", List.of("no-such-tag"));
            body.put("bylines", List.of(Map.of("byline", "no-such-byline")));
            keys.asEditor().contentType(ContentType.JSON).body(body).post("/v1/articles")
                    .then().statusCode(400)
                    .body("errors.field", contains("section", "tags[0]", "bylines[0].byline"));
        }

        @Test
        void unknownFieldMalformedJsonAndWrongTypesAre400() {
            keys.asEditor().contentType(ContentType.JSON).body("{\"headline\": \"x\", \"body\": {\"html\": \"y\"}, \"color\": 1}")
                    .post("/v1/articles").then().statusCode(400).contentType(PROBLEM)
                    .body("errors[0].field", equalTo("color")).body("errors[0].message", equalTo("unknown field"));
            keys.asEditor().contentType(ContentType.JSON).body("{\"headline\": ").post("/v1/articles")
                    .then().statusCode(400).contentType(PROBLEM).body("errors[0].field", equalTo("body"));
            keys.asEditor().contentType(ContentType.JSON).body("{\"headline\": \"x\", \"body\": {\"html\": \"y\"}, \"tags\": 5}")
                    .post("/v1/articles").then().statusCode(400).body("errors[0].field", equalTo("tags"));
            keys.asEditor().contentType(ContentType.JSON).body("{\"headline\": \"x\", \"body\": {\"html\": \"y\"}, \"status\": \"live\"}")
                    .post("/v1/articles").then().statusCode(400).body("errors[0].field", equalTo("status"));
            keys.asEditor().contentType(ContentType.JSON).body("{\"headline\": \"x\", \"body\": {\"html\": \"y\"}, \"publishAt\": \"soon\"}")
                    .post("/v1/articles").then().statusCode(400).body("errors[0].field", equalTo("publishAt"));
            keys.asEditor().contentType(ContentType.JSON).body("").post("/v1/articles")
                    .then().statusCode(400).contentType(PROBLEM);
        }

        @Test
        void wrongMediaTypeIs415AndTooLargeIs413() {
            keys.asEditor().contentType(ContentType.TEXT).body("headline").post("/v1/articles")
                    .then().statusCode(415).contentType(PROBLEM);
            Map<String, Object> body = article("Too large");
            body.put("body", Map.of("html", "<p>" + "x".repeat(1_100_000) + "</p>"));
            keys.asEditor().contentType(ContentType.JSON).body(body).post("/v1/articles")
                    .then().statusCode(413);
        }

        @Test
        void schedulingNeedsAFutureTime() {
            Map<String, Object> body = article("Scheduled without time");
            body.put("status", "scheduled");
            keys.asEditor().contentType(ContentType.JSON).body(body).post("/v1/articles")
                    .then().statusCode(400).body("errors.field", contains("publishAt"));
            body.put("publishAt", "2001-01-01T00:00:00Z");
            keys.asEditor().contentType(ContentType.JSON).body(body).post("/v1/articles")
                    .then().statusCode(400).body("errors[0].message", equalTo("must be in the future"));
        }

        @Test
        void aFailedWriteChangesNothing() {
            Section section = fixtures.section("Atomic");
            Map<String, Object> body = article("Atomic");
            body.put("section", section.slug);
            var created = create(body);
            String id = created.path("id");
            Map<String, Object> bad = article("Atomic changed");
            bad.put("tags", List.of(fixtures.tag("Real", TagType.TOPIC).slug, "missing-tag"));
            keys.asEditor().contentType(ContentType.JSON).header("If-Match", created.header("ETag")).body(bad)
                    .put("/v1/articles/" + id).then().statusCode(400);
            var after = get(id);
            assertThat(after.header("ETag")).isEqualTo(created.header("ETag"));
            assertThat(after.<String>path("headline")).isEqualTo("Atomic");
            assertThat(after.<List<?>>path("tags")).isEmpty();
            keys.asEditor().get("/v1/articles/" + id + "/revisions").then().statusCode(200).body("items", empty());
        }
    }

    @Nested
    class Workflow {

        @Test
        void publishUnpublishRepublishKeepsFirstPublishedAt() throws InterruptedException {
            Section section = fixtures.section("Workflow");
            Map<String, Object> body = article("Workflow story");
            body.put("section", section.slug);
            String id = create(body).path("id");

            var published = keys.asEditor().post("/v1/articles/" + id + "/publish").then().statusCode(200)
                    .body("status", equalTo("published")).extract();
            String first = published.path("firstPublishedAt");
            assertThat(first).isNotNull().isEqualTo(published.path("publishedAt"));
            given().get("/v1/articles/" + id).then().statusCode(200);
            given().queryParam("section", section.slug).get("/v1/articles").then().body("items.id", contains(id));

            keys.asEditor().post("/v1/articles/" + id + "/unpublish").then().statusCode(200).body("status", equalTo("unpublished"));
            given().get("/v1/articles/" + id).then().statusCode(404);
            keys.asPartner().queryParam("section", section.slug).get("/v1/articles").then().body("items", empty());
            keys.asEditor().queryParam("section", section.slug).queryParam("status", "unpublished").get("/v1/articles")
                    .then().statusCode(200).body("items.id", contains(id));

            // times are whole seconds (decision 111): republish in a later second, so the new time can show
            long second = Instant.now().getEpochSecond();
            while (Instant.now().getEpochSecond() == second) {
                Thread.sleep(10);
            }
            var again = keys.asEditor().post("/v1/articles/" + id + "/publish").then().statusCode(200).extract();
            assertThat(again.<String>path("firstPublishedAt")).isEqualTo(first);
            assertThat(Instant.parse(again.path("publishedAt"))).isAfter(Instant.parse(first));

            assertThat(events(id)).extracting(e -> e.type.value()).containsExactly("publish", "unpublish", "publish");
        }

        @Test
        void editsOfVisibleArticlesAndRightsGoToTheChangeFeed() {
            Map<String, Object> body = article("Rights story");
            body.put("status", "published");
            var created = create(body);
            String id = created.path("id");
            keys.asEditor().contentType(MergePatchType.TYPE).header("If-Match", created.header("ETag"))
                    .body("{\"syndication\": {\"allowed\": false}}").patch("/v1/articles/" + id)
                    .then().statusCode(200).body("syndication.allowed", equalTo(false));
            assertThat(events(id)).extracting(e -> e.type.value()).containsExactly("publish", "update", "rights");
        }

        @Test
        void draftCannotBeUnpublishedAndPublishedCannotBecomeDraft() {
            String id = create(article("Conflicts")).path("id");
            keys.asEditor().post("/v1/articles/" + id + "/unpublish").then().statusCode(409).contentType(PROBLEM);
            var published = keys.asEditor().post("/v1/articles/" + id + "/publish").then().statusCode(200).extract();
            keys.asEditor().contentType(MergePatchType.TYPE).header("If-Match", published.header("ETag"))
                    .body("{\"status\": \"draft\"}").patch("/v1/articles/" + id).then().statusCode(409);
        }

        @Test
        void correctionsAreAppendedWithTheirTime() {
            Map<String, Object> body = article("Corrected story");
            body.put("status", "published");
            String id = create(body).path("id");
            Instant before = Instant.now().minusSeconds(1);
            keys.asEditor().contentType(ContentType.JSON).body(Map.of("text", "First fix."))
                    .post("/v1/articles/" + id + "/corrections").then().statusCode(201)
                    .body("corrections", hasSize(1));
            var after = keys.asEditor().contentType(ContentType.JSON).body(Map.of("text", "Second fix."))
                    .post("/v1/articles/" + id + "/corrections").then().statusCode(201).extract();
            assertThat(after.<List<String>>path("corrections.text")).containsExactly("First fix.", "Second fix.");
            assertThat(Instant.parse(after.path("corrections[0].at"))).isAfter(before);
            keys.asEditor().contentType(ContentType.JSON).body(Map.of("text", " "))
                    .post("/v1/articles/" + id + "/corrections").then().statusCode(400).body("errors[0].field", equalTo("text"));
            // Partners learn of each as a correction, not as a plain update.
            assertThat(events(id)).extracting(e -> e.type.value()).containsExactly("publish", "correction", "correction");
        }

        @Test
        void deleteLeavesATombstoneAndNothingVisible() {
            Map<String, Object> body = article("Deleted story");
            body.put("status", "published");
            var created = create(body);
            String id = created.path("id");
            keys.asEditor().delete("/v1/articles/" + id).then().statusCode(428);
            keys.asEditor().header("If-Match", created.header("ETag")).delete("/v1/articles/" + id).then().statusCode(204);
            given().get("/v1/articles/" + id).then().statusCode(410);
            keys.asEditor().get("/v1/articles/" + id).then().statusCode(410);
            keys.asEditor().header("If-Match", "*").delete("/v1/articles/" + id).then().statusCode(404);
            assertThat(events(id)).extracting(e -> e.type.value()).containsExactly("publish", "delete");
            // The slug stays reserved.
            Map<String, Object> again = article("Another");
            again.put("slug", created.path("slug"));
            keys.asEditor().contentType(ContentType.JSON).body(again).post("/v1/articles").then().statusCode(409);
        }

        @Test
        void slugIsFrozenOncePublishedAndAnEditorChangeKeepsTheOldAnswering301() {
            Map<String, Object> body = article("Frozen slug");
            body.put("status", "published");
            var created = create(body);
            String id = created.path("id");
            String slug = created.path("slug");
            var renamed = keys.asEditor().contentType(ContentType.JSON).header("If-Match", created.header("ETag"))
                    .body(article("A new headline")).put("/v1/articles/" + id)
                    .then().statusCode(200).body("slug", equalTo(slug)).extract();
            String newSlug = Fixtures.unique("renamed");
            keys.asEditor().contentType(MergePatchType.TYPE).header("If-Match", renamed.header("ETag"))
                    .body("{\"slug\": \"" + newSlug + "\"}").patch("/v1/articles/" + id)
                    .then().statusCode(200).body("slug", equalTo(newSlug));
            given().redirects().follow(false).get("/v1/articles/" + slug)
                    .then().statusCode(301).header("Location", endsWith("/v1/articles/" + newSlug));
            given().get("/v1/articles/" + newSlug).then().statusCode(200);
        }

        @Test
        void revisionsListEarlierVersionsNewestFirst() {
            var created = create(article("Version one"));
            String id = created.path("id");
            var second = keys.asEditor().contentType(ContentType.JSON).header("If-Match", created.header("ETag"))
                    .body(article("Version two")).put("/v1/articles/" + id).then().statusCode(200).extract();
            keys.asEditor().contentType(ContentType.JSON).header("If-Match", second.header("ETag"))
                    .body(article("Version three")).put("/v1/articles/" + id).then().statusCode(200);
            keys.asEditor().get("/v1/articles/" + id + "/revisions").then().statusCode(200)
                    .body("items.content.headline", contains("Version two", "Version one"))
                    .body("items[0].replacedBy", notNullValue())
                    .body("items[0].version", not(equalTo(0)));
            keys.asEditor().queryParam("limit", "1").get("/v1/articles/" + id + "/revisions").then().statusCode(200)
                    .body("items.content.headline", contains("Version two")).body("page.next", notNullValue());
            keys.asPartner().get("/v1/articles/" + id + "/revisions").then().statusCode(403);
        }

        @Test
        void relatedLinksAreCuratedInOrderAndDraftsStayHidden() {
            Map<String, Object> pub = article("Related target");
            pub.put("status", "published");
            String target = create(pub).path("slug");
            String draft = create(article("Draft target")).path("slug");
            Map<String, Object> main = article("Related main");
            main.put("status", "published");
            String id = create(main).path("id");
            keys.asEditor().contentType(ContentType.JSON)
                    .body(List.of(Map.of("article", draft, "relation", "background"),
                            Map.of("article", target, "relation", "follow-up")))
                    .put("/v1/articles/" + id + "/related").then().statusCode(200);
            given().get("/v1/articles/" + id + "/related").then().statusCode(200)
                    .body("items.slug", contains(target)).body("items[0].relation", equalTo("follow-up"));
            keys.asEditor().contentType(ContentType.JSON).body(List.of(Map.of("article", "missing"), Map.of("article", id)))
                    .put("/v1/articles/" + id + "/related").then().statusCode(400)
                    .body("errors.field", contains("[0].article", "[1].article"));
            keys.asEditor().contentType(ContentType.JSON).body(List.of(Map.of("article", target, "relation", "sequel")))
                    .put("/v1/articles/" + id + "/related").then().statusCode(400);
        }
    }
}
