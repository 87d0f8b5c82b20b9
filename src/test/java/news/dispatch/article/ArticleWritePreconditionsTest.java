package news.dispatch.article;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import news.dispatch.testsupport.Fixtures;
import news.dispatch.testsupport.TestKeys;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** If-Match takes the whole ETag; slugs made from one headline at once never collide. */
@QuarkusTest
class ArticleWritePreconditionsTest {

    @Inject
    TestKeys keys;

    static Map<String, Object> article(String headline) {
        return Map.of("headline", headline, "body", Map.of("html", "<p>" + headline + "</p>"));
    }

    @Test
    void ifMatchMustBeTheWholeETagTheServerSent() {
        var created = keys.asEditor().contentType(ContentType.JSON).body(article("Whole tag " + Fixtures.unique("w")))
                .post("/v1/articles").then().statusCode(201).extract();
        String id = created.path("id");
        String etag = created.header("ETag");
        String version = etag.substring(1, etag.indexOf('.'));
        for (String forged : List.of("\"" + version + ".stale\"", "\"" + version + ".\"", "W/" + etag)) {
            keys.asEditor().contentType(ContentType.JSON).header("If-Match", forged).body(article("Forged"))
                    .put("/v1/articles/" + id).then().statusCode(412)
                    .body("type", equalTo("urn:dispatch:problem:precondition-failed"));
            keys.asEditor().header("If-Match", forged).delete("/v1/articles/" + id).then().statusCode(412);
            keys.asEditor().header("If-Match", forged).post("/v1/articles/" + id + "/publish").then().statusCode(412);
        }
        // One of several tags may be the current one; the GET's ETag is the write's.
        keys.asEditor().contentType(ContentType.JSON).header("If-Match", "\"" + version + ".stale\", " + etag)
                .body(article("Accepted")).put("/v1/articles/" + id).then().statusCode(200);
        String current = keys.asEditor().get("/v1/articles/" + id).then().statusCode(200).extract().header("ETag");
        keys.asEditor().header("If-Match", current).delete("/v1/articles/" + id).then().statusCode(204);
    }

    @Test
    void sectionsTagsAndBylinesCompareTheWholeETagToo() {
        for (var family : List.of(
                Map.of("path", "/v1/sections", "name", "Whole section " + Fixtures.unique("s")),
                Map.of("path", "/v1/tags", "name", "Whole tag " + Fixtures.unique("t"), "type", "topic"),
                Map.of("path", "/v1/bylines", "name", "Whole byline " + Fixtures.unique("b"), "kind", "person"))) {
            Map<String, Object> body = new java.util.HashMap<>(family);
            String path = (String) body.remove("path");
            var created = keys.asEditor().contentType(ContentType.JSON).body(body).post(path).then().statusCode(201).extract();
            String etag = created.header("ETag");
            String forged = "\"" + etag.substring(1, etag.indexOf('.')) + ".stale\"";
            String slug = created.path("slug");
            keys.asEditor().contentType("application/merge-patch+json").header("If-Match", forged)
                    .body("{\"name\": \"Renamed\"}").patch(path + "/" + slug).then().statusCode(412);
            keys.asEditor().header("If-Match", forged).delete(path + "/" + slug).then().statusCode(412);
            keys.asEditor().header("If-Match", etag).delete(path + "/" + slug).then().statusCode(204);
        }
    }

    @Test
    void concurrentCreationsWithOneHeadlineGetConsecutiveSlugs() throws Exception {
        String headline = "Same headline at once " + Fixtures.unique("c");
        String editor = keys.editor();
        int writers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> results = new ArrayList<>();
        for (int i = 0; i < writers; i++) {
            results.add(pool.submit(() -> {
                start.await();
                var response = given().header("Authorization", "Bearer " + editor).contentType(ContentType.JSON)
                        .body(article(headline)).post("/v1/articles").then().extract();
                return response.statusCode() + " " + response.path("slug");
            }));
        }
        start.countDown();
        List<String> outcomes = new ArrayList<>();
        for (Future<String> r : results) {
            outcomes.add(r.get(120, TimeUnit.SECONDS));
        }
        pool.shutdown();
        assertThat(outcomes).allMatch(o -> o.startsWith("201 "));
        assertThat(outcomes).doesNotHaveDuplicates();
    }
}
