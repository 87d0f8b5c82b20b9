package news.dispatch.web;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import news.dispatch.testsupport.Fixtures;
import news.dispatch.testsupport.TestKeys;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** What every written text, time and URL goes through, on every resource family. */
@QuarkusTest
class InputRulesTest {

    static final String PROBLEM = "application/problem+json";
    static final String INVALID = "urn:dispatch:problem:invalid-request";

    @Inject
    TestKeys keys;

    static Map<String, Object> article(String headline) {
        Map<String, Object> body = new HashMap<>();
        body.put("headline", headline);
        body.put("body", Map.of("html", "<p>Body text.</p>"));
        return body;
    }

    void refused(String path, Object body, String field) {
        keys.asEditor().contentType(ContentType.JSON).body(body).post(path)
                .then().statusCode(400).contentType(PROBLEM)
                .body("type", equalTo(INVALID))
                .body("errors.field", contains(field));
    }

    String created(Map<String, Object> body) {
        return keys.asEditor().contentType(ContentType.JSON).body(body).post("/v1/articles")
                .then().statusCode(201).extract().path("id");
    }

    @Nested
    class Text {

        @Test
        void overlongUtf8IsRefused() throws Exception {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.write("{\"headline\":\"a".getBytes(StandardCharsets.UTF_8));
            out.write(new byte[]{(byte) 0xC0, (byte) 0xAF}); // "/" written in two bytes
            out.write("b\",\"body\":{\"html\":\"<p>x</p>\"}}".getBytes(StandardCharsets.UTF_8));
            keys.asEditor().contentType("application/json").body(out.toByteArray()).post("/v1/articles")
                    .then().statusCode(400).contentType(PROBLEM)
                    .body("errors[0].field", equalTo("body"))
                    .body("errors[0].message", containsString("UTF-8"));
        }

        @Test
        void loneSurrogatesNulAndControlCharactersAreRefusedWithTheirField() {
            String base = "{\"body\":{\"html\":\"<p>x</p>\"},\"headline\":\"%s\"}";
            for (String bad : List.of("a\\ud800b", "a\\udc00", "a\\u0000b", "a\\u0007b", "a\\uffffb")) {
                keys.asEditor().contentType(ContentType.JSON).body(String.format(base, bad)).post("/v1/articles")
                        .then().statusCode(400).contentType(PROBLEM).body("errors.field", contains("headline"));
            }
            // Everywhere, not only in headlines: a standfirst, a list element, a nested field.
            Map<String, Object> body = article("Fine " + Fixtures.unique("t"));
            body.put("standfirst", "nul \u0000 here");
            refused("/v1/articles", body, "standfirst");
            refused("/v1/sections", Map.of("name", "x\u0000"), "name");
        }

        @Test
        void invisibleOnlyTextIsBlank() {
            refused("/v1/articles", article("\u200B\u200B"), "headline");
            refused("/v1/articles", article("\u200C \u2060\uFEFF"), "headline");
            refused("/v1/sections", Map.of("name", "\u200B"), "name");
            refused("/v1/tags", Map.of("name", "\u200D", "type", "topic"), "name");
            refused("/v1/bylines", Map.of("name", "\u3164", "kind", "person"), "name");
            String id = created(article("Corrected " + Fixtures.unique("c")));
            refused("/v1/articles/" + id + "/corrections", Map.of("text", "\u200B"), "text");
            // An optional field with nothing visible is dropped, as an empty one is.
            Map<String, Object> body = article("Dek " + Fixtures.unique("d"));
            body.put("standfirst", "\u200B");
            keys.asEditor().contentType(ContentType.JSON).body(body).post("/v1/articles")
                    .then().statusCode(201).body("standfirst", equalTo(null));
        }

        @Test
        void zeroWidthNonJoinerInsideSoraniWordsIsKept() {
            String headline = "ده\u200Cنگی کوردستان " + Fixtures.unique("ckb"); // U+200C inside the first word
            Map<String, Object> body = article(headline);
            body.put("language", "ckb");
            keys.asEditor().contentType(ContentType.JSON).body(body).post("/v1/articles")
                    .then().statusCode(201).body("headline", equalTo(headline));
        }

        @Test
        void textIsStoredInNfc() {
            String suffix = Fixtures.unique("n");
            Map<String, Object> body = article("Hewle\u0302r " + suffix);
            keys.asEditor().contentType(ContentType.JSON).body(body).post("/v1/articles")
                    .then().statusCode(201).body("headline", equalTo("Hewl\u00EAr " + suffix));
            keys.asEditor().contentType(ContentType.JSON).body(Map.of("name", "Hewle\u0302r " + suffix, "type", "place"))
                    .post("/v1/tags").then().statusCode(201).body("name", equalTo("Hewl\u00EAr " + suffix));
        }

        @Test
        void bidiOverridesAreRefusedInSingleLineFieldsOnly() {
            refused("/v1/articles", article("Evil \u202Egpj.exe"), "headline");
            refused("/v1/sections", Map.of("name", "a\u2066b"), "name");
            refused("/v1/bylines", Map.of("name", "x\u202Dy", "kind", "person"), "name");
            keys.asAdmin().contentType(ContentType.JSON).body(Map.of("name", "k\u202E", "role", "partner"))
                    .post("/v1/admin/api-keys").then().statusCode(400).body("errors.field", contains("name"));
            Map<String, Object> image = article("Image " + Fixtures.unique("i"));
            image.put("leadImage", Map.of("url", "https://example.com/a.jpg", "alt", "a\u202Eb"));
            refused("/v1/articles", image, "leadImage.alt");
            // Marks that right-to-left text needs are fine, and a multi-line field may hold an override.
            Map<String, Object> fine = article("\u200Fکوردستان 2024\u200F " + Fixtures.unique("rlm"));
            fine.put("standfirst", "quoted \u202Etext\u202C");
            created(fine);
        }

        @Test
        void mergePatchGoesThroughTheSameRules() {
            var created = keys.asEditor().contentType(ContentType.JSON).body(article("Patched " + Fixtures.unique("p")))
                    .post("/v1/articles").then().statusCode(201).extract();
            keys.asEditor().contentType("application/merge-patch+json").header("If-Match", created.header("ETag"))
                    .body("{\"headline\": \"\\u200b\"}").patch("/v1/articles/" + created.path("id"))
                    .then().statusCode(400).body("errors.field", contains("headline"));
        }
    }

    @Nested
    class Times {

        @Test
        void listAndSearchTimesOutsideYears1To9999Are400() {
            given().queryParam("to", "+999999999-12-31T23:59:59Z").get("/v1/articles")
                    .then().statusCode(400).contentType(PROBLEM).body("errors.field", contains("to"));
            given().queryParam("from", "0000-01-01").get("/v1/articles")
                    .then().statusCode(400).body("errors.field", contains("from"));
            given().queryParam("q", "iraq").queryParam("from", "-000001-01-01T00:00:00Z").get("/v1/search")
                    .then().statusCode(400).body("errors.field", contains("from"));
            given().queryParam("to", "9999-12-31").get("/v1/articles").then().statusCode(200);
        }

        @Test
        void cursorsWithTimesOutsideTheRangeAre400() {
            String cursor = new Cursor("-publishedAt", Long.toString(Long.MAX_VALUE / 2), UUID.randomUUID().toString()).encode();
            given().queryParam("cursor", cursor).get("/v1/articles")
                    .then().statusCode(400).body("errors.field", contains("cursor"));
        }

        @Test
        void bodyTimesOutsideTheRangeAre400() {
            Map<String, Object> scheduled = article("Far future " + Fixtures.unique("f"));
            scheduled.put("status", "scheduled");
            scheduled.put("publishAt", "+999999999-12-31T23:59:59Z");
            refused("/v1/articles", scheduled, "publishAt");
            Map<String, Object> embargoed = article("Embargo " + Fixtures.unique("e"));
            embargoed.put("syndication", Map.of("embargoUntil", "+10000-01-01T00:00:00Z"));
            refused("/v1/articles", embargoed, "syndication.embargoUntil");
            String id = created(article("Publish later " + Fixtures.unique("l")));
            refused("/v1/articles/" + id + "/publish", Map.of("at", "+999999999-12-31T23:59:59Z"), "at");
        }
    }

    @Nested
    class Urls {

        @Test
        void leadImageUrlMustBeAnAbsoluteHttpUrlWithoutMarkup() {
            for (String bad : List.of("https://example.com/a.jpg\" onerror=\"alert(1)", "https://example.com/<script>.jpg",
                    "https://example.com/a'b.jpg", "javascript:alert(1)", "//example.com/a.jpg", "/media/a.jpg",
                    "ftp://example.com/a.jpg", "https://user:pw@example.com/a.jpg", "https:///a.jpg")) {
                Map<String, Object> body = article("Image " + Fixtures.unique("u"));
                body.put("leadImage", Map.of("url", bad, "alt", "An image"));
                refused("/v1/articles", body, "leadImage.url");
            }
            Map<String, Object> body = article("Image " + Fixtures.unique("ok"));
            body.put("leadImage", Map.of("url", "https://example.com/media/وێنە.jpg?w=800", "alt", "An image"));
            keys.asEditor().contentType(ContentType.JSON).body(body).post("/v1/articles").then().statusCode(201);
        }

        @Test
        void bylineUrlsAreCheckedAlike() {
            refused("/v1/bylines", Map.of("name", "Jane " + Fixtures.unique("b"), "kind", "person",
                    "avatarUrl", "https://example.com/\"a.jpg"), "avatarUrl");
            refused("/v1/bylines", Map.of("name", "Jane " + Fixtures.unique("b"), "kind", "person",
                    "links", List.of(Map.of("title", "Site", "url", "https://example.com/<b>"))), "links[0].url");
        }
    }
}
