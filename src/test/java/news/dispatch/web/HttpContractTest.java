package news.dispatch.web;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.DecoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import news.dispatch.article.Article;
import news.dispatch.article.BylineRole;
import news.dispatch.byline.Byline;
import news.dispatch.byline.BylineKind;
import news.dispatch.section.Section;
import news.dispatch.tag.Tag;
import news.dispatch.tag.TagType;
import news.dispatch.testsupport.FailingResource;
import news.dispatch.testsupport.Fixtures;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

/** HTTP behaviour shared by every read: caching headers, conditional requests, compression, errors. */
@QuarkusTest
class HttpContractTest {

    static final Instant T = Instant.parse("2021-07-10T09:30:00Z");
    static final String PROBLEM = "application/problem+json";

    @Inject
    Fixtures fixtures;

    Section section;
    Tag tag;
    Byline byline;
    Article article;

    @BeforeEach
    void content() {
        section = fixtures.section("World");
        tag = fixtures.tag("Iraq", TagType.PLACE);
        byline = fixtures.byline("ESTA", BylineKind.ORGANISATION);
        article = fixtures.article("Article").section(section).tags(tag).byline(byline, BylineRole.AGENCY).publishedAt(T).save();
        fixtures.article("Previous").section(section).tags(tag).publishedAt(T.minusSeconds(60)).save();
    }

    List<String> reads() {
        return List.of("/v1/articles?section=" + section.slug, "/v1/articles/" + article.slug, "/v1/articles/" + article.id,
                "/v1/articles/" + article.slug + "/related",
                "/v1/tags?q=ira", "/v1/tags/" + tag.slug, "/v1/tags/" + tag.slug + "/articles",
                "/v1/bylines?kind=organisation", "/v1/bylines/" + byline.slug, "/v1/bylines/" + byline.slug + "/articles",
                "/v1/sections", "/v1/sections/" + section.slug, "/v1/sections/" + section.slug + "/articles");
    }

    List<String> singles() {
        return List.of("/v1/articles/" + article.slug, "/v1/tags/" + tag.slug, "/v1/bylines/" + byline.slug,
                "/v1/sections/" + section.slug);
    }

    @Nested
    class Caching {

        @Test
        void everyReadSendsAStrongETagCacheControlAndVary() {
            for (String path : reads()) {
                Response r = given().get(path).then().statusCode(200).extract().response();
                assertThat(r.header("ETag")).as(path).matches("\"[0-9.]*[A-Za-z0-9_-]{27}(\\+gz|\\+br)?\"");
                assertThat(r.header("Cache-Control")).as(path).isEqualTo("public, max-age=60, stale-while-revalidate=300");
                assertThat(r.header("Vary")).as(path).contains("Accept-Encoding").contains("Accept");
                // The same representation gets the same tag.
                assertThat(given().get(path).then().extract().header("ETag")).as(path).isEqualTo(r.header("ETag"));
            }
        }

        @Test
        void ifNoneMatchWithTheCurrentTagAnswers304WithoutABody() {
            for (String path : reads()) {
                String etag = given().get(path).then().statusCode(200).extract().header("ETag");
                for (String condition : List.of(etag, "W/" + etag, "\"stale\", " + etag, "*")) {
                    given().header("If-None-Match", condition).get(path)
                            .then().statusCode(304)
                            .header("ETag", equalTo(etag))
                            .header("Cache-Control", startsWith("public"))
                            .body(emptyString());
                }
                given().header("If-None-Match", "\"stale\"").get(path).then().statusCode(200).header("ETag", equalTo(etag));
            }
        }

        @Test
        void theETagChangesWhenWhatTheResponseShowsChanges() {
            String path = "/v1/articles/" + article.slug;
            String listPath = "/v1/tags/" + tag.slug + "/articles";
            String before = given().get(path).then().extract().header("ETag");
            String listBefore = given().get(listPath).then().extract().header("ETag");

            fixtures.update(article, a -> {
                a.headline = "Changed";
                a.updatedAt = T.plusSeconds(3600);
            });

            String after = given().header("If-None-Match", before).get(path).then().statusCode(200)
                    .body("headline", equalTo("Changed")).extract().header("ETag");
            assertThat(after).isNotEqualTo(before);
            given().header("If-None-Match", listBefore).get(listPath).then().statusCode(200);
        }

        @Test
        void singleResourcesAnswerIfModifiedSince() {
            for (String path : singles()) {
                String lastModified = given().get(path).then().statusCode(200).extract().header("Last-Modified");
                assertThat(lastModified).as(path).endsWith(" GMT");
                Instant modified = java.time.ZonedDateTime.parse(lastModified, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                String earlier = DateTimeFormatter.RFC_1123_DATE_TIME.format(modified.minusSeconds(1).atZone(ZoneOffset.UTC));

                given().header("If-Modified-Since", lastModified).get(path)
                        .then().statusCode(304).header("Last-Modified", equalTo(lastModified)).body(emptyString());
                given().header("If-Modified-Since", earlier).get(path).then().statusCode(200);
                given().header("If-Modified-Since", "yesterday").get(path).then().statusCode(200);
                // If-None-Match wins: a stale tag means the client needs the body.
                given().header("If-Modified-Since", lastModified).header("If-None-Match", "\"stale\"").get(path)
                        .then().statusCode(200);
            }
        }

        @Test
        void theArticleIsLastModifiedWhenAnythingItShowsWas() {
            String lastModified = given().get("/v1/articles/" + article.slug).then().extract().header("Last-Modified");
            assertThat(lastModified).isNotNull();
        }

        @Test
        void errorsAreNotCached() {
            given().get("/v1/articles/no-such-story").then().statusCode(404)
                    .header("Cache-Control", "no-store").header("ETag", nullValue());
            given().get("/no/such/path").then().statusCode(404).header("Cache-Control", "no-store");
        }
    }

    @Nested
    class Compression {

        /** RestAssured asks for gzip on its own unless its decoders are off. */
        final RestAssuredConfig raw = RestAssuredConfig.config().decoderConfig(DecoderConfig.decoderConfig().noContentDecoders());

        @Test
        void compressesWhenTheClientAcceptsGzip() throws Exception {
            for (String path : List.of("/v1/articles?section=" + section.slug, "/v1/articles/" + article.slug, "/v1/sections")) {
                byte[] compressed = given().config(raw).header("Accept-Encoding", "gzip").get(path)
                        .then().statusCode(200)
                        .header("Content-Encoding", "gzip")
                        .extract().asByteArray();
                String json = new String(new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(compressed)).readAllBytes(),
                        java.nio.charset.StandardCharsets.UTF_8);
                assertThat(json).startsWith("{");
                given().config(raw).header("Accept-Encoding", "identity").get(path)
                        .then().statusCode(200)
                        .header("Content-Encoding", nullValue())
                        .body(startsWith("{"));
            }
        }
    }

    @Nested
    class Errors {

        @Test
        void anUnknownPathIsAProblem404() {
            given().get("/v2/whatever")
                    .then().statusCode(404).contentType(PROBLEM)
                    .body("type", equalTo("urn:dispatch:problem:not-found"))
                    .body("status", equalTo(404))
                    .body("detail", equalTo("No resource at /v2/whatever."))
                    .body("instance", startsWith("urn:dispatch:request:"));
        }

        @Test
        void aMethodThePathDoesNotTakeIs405WithAllow() {
            for (String path : List.of("/v1/articles", "/v1/tags", "/v1/articles/" + article.slug + "/related")) {
                given().delete(path)
                        .then().statusCode(405).contentType(PROBLEM)
                        .header("Allow", containsString("GET"))
                        .header("Allow", containsString("OPTIONS"))
                        .header("Cache-Control", "no-store")
                        .body("type", equalTo("urn:dispatch:problem:method-not-allowed"))
                        .body("status", equalTo(405))
                        .body("detail", equalTo("The method DELETE is not allowed on " + path + "."));
            }
        }

        @Test
        void anAcceptTheOperationCannotServeIs406() {
            for (String path : List.of("/v1/articles", "/v1/articles/" + article.slug, "/v1/tags/" + tag.slug, "/v1/sections")) {
                given().accept("application/xml").get(path)
                        .then().statusCode(406).contentType(PROBLEM)
                        .body("type", equalTo("urn:dispatch:problem:not-acceptable"))
                        .body("status", equalTo(406));
            }
            given().accept("application/json, */*;q=0.1").get("/v1/articles/" + article.slug).then().statusCode(200);
            given().accept("*/*").get("/v1/articles/" + article.slug).then().statusCode(200);
        }

        @Test
        void anUnexpectedFailureIs500WithoutInternals() {
            Response r = given().header("X-Request-Id", "trace-me-123").get("/test-only/failure")
                    .then().statusCode(500).contentType(PROBLEM)
                    .header("X-Request-Id", "trace-me-123")
                    .body("type", equalTo("urn:dispatch:problem:internal"))
                    .body("title", equalTo("Internal error"))
                    .body("status", equalTo(500))
                    .body("detail", equalTo("The server could not complete the request. Quote the instance when reporting it."))
                    .body("instance", equalTo("urn:dispatch:request:trace-me-123"))
                    .extract().response();
            String body = r.asString();
            assertThat(body).doesNotContain(FailingResource.SECRET).doesNotContain("jdbc").doesNotContain("api_key")
                    .doesNotContain("Exception").doesNotContain("news.dispatch").doesNotContain("\tat ");
        }

        @Test
        void everyResponseCarriesARequestId() {
            given().get("/v1/sections").then().header("X-Request-Id", notNullValue());
            given().header("X-Request-Id", "bad id with spaces").get("/v1/sections")
                    .then().header("X-Request-Id", not(equalTo("bad id with spaces")));
        }
    }
}
