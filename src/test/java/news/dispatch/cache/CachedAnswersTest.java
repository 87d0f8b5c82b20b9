package news.dispatch.cache;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.Header;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import news.dispatch.article.Article;
import news.dispatch.section.Section;
import news.dispatch.tag.Tag;
import news.dispatch.tag.TagType;
import news.dispatch.testsupport.Fixtures;
import news.dispatch.testsupport.TestKeys;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Anonymous reads the application cache holds are answered before the REST layer
 * (docs/decisions/065), with exactly what the operation itself answers: same status, bytes and
 * headers, 304s, compression, rate-limit headers; keyed requests and other representations of the
 * same URL still go through the operation.
 */
@QuarkusTest
class CachedAnswersTest {
    @TestHTTPResource(value = "/metrics", management = true)
    URL metricsUrl;


    /** Headers that differ between any two answers (per request, or counting down). */
    private static final Set<String> PER_REQUEST = Set.of("x-request-id", "date", "ratelimit-remaining", "ratelimit-reset");

    @Inject
    Fixtures fixtures;

    @Inject
    TestKeys keys;

    @Inject
    MeterRegistry registry;

    private double early() {
        var counter = registry.find("dispatch.cache.early.answers").counter();
        return counter == null ? 0 : counter.count();
    }

    private record Story(Section section, Tag tag, Article older, Article main) {
    }

    private Story story(String name) {
        Section section = fixtures.section("Early " + name);
        Tag tag = fixtures.tag("Early tag " + name, TagType.TOPIC);
        Instant t = Instant.parse("2024-02-01T08:00:00Z");
        Article older = fixtures.article("Early older " + name).section(section).tags(tag).publishedAt(t.minusSeconds(600)).save();
        Article main = fixtures.article("Early main " + name).section(section).tags(tag).publishedAt(t).save();
        return new Story(section, tag, older, main);
    }

    private static Map<String, String> headers(Response r) {
        Map<String, String> headers = new TreeMap<>();
        for (Header h : r.getHeaders()) {
            String name = h.getName().toLowerCase(java.util.Locale.ROOT);
            if (!PER_REQUEST.contains(name)) {
                headers.merge(name, h.getValue(), (a, b) -> a + "\n" + b);
            }
        }
        return headers;
    }

    @Test
    void aRepeatedPublicReadIsAnsweredEarlyWithTheSameStatusBytesAndHeaders() {
        Story s = story("same");
        for (String path : new String[]{
                "/v1/articles/" + s.main().slug,
                "/v1/articles/" + s.main().slug + "/related",
                "/v1/articles?limit=5",
                "/v1/sections/" + s.section().slug + "/articles?limit=1",
                "/v1/tags/" + s.tag().slug + "/articles",
                "/v1/search?q=early",
                "/v1/feeds/latest.rss",
                "/v1/feeds/sections/" + s.section().slug + ".json",
                "/v1/changes?limit=5"}) {
            Response computed = given().header("Accept-Encoding", "gzip").when().get(path);
            computed.then().statusCode(200);
            double before = early();
            Response early = given().header("Accept-Encoding", "gzip").when().get(path);
            assertThat(early() - before).as("answered early: %s", path).isEqualTo(1.0);
            assertThat(early.statusCode()).as(path).isEqualTo(200);
            assertThat(early.asByteArray()).as(path).isEqualTo(computed.asByteArray());
            assertThat(headers(early)).as(path).isEqualTo(headers(computed));
            assertThat(early.getHeader("RateLimit-Remaining")).as(path).isNotNull();
            assertThat(early.getHeader("X-Request-Id")).as(path).isNotBlank().isNotEqualTo(computed.getHeader("X-Request-Id"));
        }
    }

    @Test
    void compressesAsTheRestLayerDoes() {
        Story s = story("gzip");
        String path = "/v1/articles/" + s.main().slug;
        String partner = "Bearer " + keys.partner();
        given().when().get(path).then().statusCode(200);
        double before = early();
        for (String encoding : new String[]{"gzip", "identity"}) {
            String early = given().header("Accept-Encoding", encoding).when().get(path).then().statusCode(200)
                    .extract().header("Content-Encoding");
            String operation = given().header("Accept-Encoding", encoding).header("Authorization", partner).when().get(path)
                    .then().statusCode(200).extract().header("Content-Encoding");
            assertThat(early).as(encoding).isEqualTo(operation);
        }
        given().header("Accept-Encoding", "gzip").when().get(path).then().header("Content-Encoding", "gzip");
        assertThat(early() - before).isEqualTo(3.0);
    }

    @Test
    void answers304EarlyForAMatchingValidator() {
        Story s = story("validators");
        String path = "/v1/articles/" + s.main().slug;
        Response computed = given().when().get(path);
        String etag = computed.getHeader("ETag");
        double before = early();
        Response notModified = given().header("If-None-Match", etag).when().get(path);
        notModified.then().statusCode(304).header("ETag", etag).header("Cache-Control", computed.getHeader("Cache-Control"));
        assertThat(notModified.asByteArray()).isEmpty();
        given().header("If-Modified-Since", computed.getHeader("Last-Modified")).when().get(path).then().statusCode(304);
        given().header("If-None-Match", "\"other\"").when().get(path).then().statusCode(200);
        assertThat(early() - before).isEqualTo(3.0);
    }

    @Test
    void keyedRequestsOtherRepresentationsAndHeadGoThroughTheOperation() {
        Story s = story("keyed");
        String path = "/v1/articles/" + s.main().slug;
        given().when().get(path).then().statusCode(200).header("Cache-Control", org.hamcrest.Matchers.startsWith("public"));
        double before = early();
        given().header("Authorization", "Bearer " + keys.partner()).when().get(path).then().statusCode(200)
                .header("Cache-Control", "private, no-cache");
        given().header("Authorization", "Bearer not-a-key").when().get(path).then().statusCode(401);
        given().accept("application/ninjs+json").when().get(path).then().statusCode(200)
                .contentType(org.hamcrest.Matchers.startsWith("application/ninjs+json"));
        given().accept("text/csv").when().get(path).then().statusCode(406);
        given().when().head(path).then().statusCode(200);
        assertThat(early() - before).isEqualTo(0.0);
        given().accept("application/json").when().get(path).then().statusCode(200);
        given().accept("*/*").when().get(path).then().statusCode(200);
        assertThat(early() - before).isEqualTo(2.0);
    }

    @Test
    void aWriteEndsEarlyAnswersOfWhatItChanged() {
        Story s = story("write");
        String path = "/v1/sections/" + s.section().slug + "/articles";
        given().when().get(path).then().statusCode(200).body("items.size()", org.hamcrest.Matchers.equalTo(2));
        fixtures.article("Early newest write").section(s.section()).publishedAt(Instant.parse("2024-03-01T08:00:00Z")).save();
        double before = early();
        given().when().get(path).then().statusCode(200).body("items.size()", org.hamcrest.Matchers.equalTo(3))
                .body("items[0].headline", org.hamcrest.Matchers.equalTo("Early newest write"));
        assertThat(early() - before).isEqualTo(0.0);
    }

    @Test
    void earlyAnswersAreCountedUnderTheirRouteNotTheirPath() {
        Story s = story("metrics");
        String path = "/v1/articles/" + s.main().slug;
        given().when().get(path).then().statusCode(200);
        given().when().get(path).then().statusCode(200);
        String metrics = given().accept("text/plain").when().get(metricsUrl).then().statusCode(200).extract().asString();
        assertThat(metrics).doesNotContain(s.main().slug).contains("uri=\"/v1/articles/{slug}\"");
    }
}
