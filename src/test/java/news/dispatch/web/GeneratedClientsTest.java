package news.dispatch.web;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import news.dispatch.testsupport.Fixtures;
import news.dispatch.testsupport.TestKeys;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

/** What clients generated from openapi.yaml send, and what they need back (issue 27). */
@QuarkusTest
class GeneratedClientsTest {

    static final String PROBLEM = "application/problem+json";

    @Inject
    TestKeys keys;

    @Inject
    jakarta.persistence.EntityManager em;

    @Inject
    Fixtures fixtures;

    String createArticle() {
        Map<String, Object> body = new HashMap<>();
        body.put("headline", Fixtures.unique("Generated client story"));
        body.put("body", Map.of("html", "<p>Text.</p>"));
        return keys.asEditor().contentType(ContentType.JSON).body(body).post("/v1/articles")
                .then().statusCode(201).extract().path("id");
    }

    String etag(String path) {
        return keys.asEditor().get(path).then().statusCode(200).extract().header("ETag");
    }

    @Nested
    class Accept {

        /** A 204 answer has no representation, so no Accept can make it unacceptable. */
        @Test
        void deleteAnswers204WhateverTheAccept() {
            for (String accept : new String[]{PROBLEM, "application/json", "text/plain", "application/xml, image/png"}) {
                String id = createArticle();
                keys.asEditor().header("Accept", accept).header("If-Match", etag("/v1/articles/" + id))
                        .delete("/v1/articles/" + id).then().statusCode(204);
                keys.asEditor().get("/v1/articles/" + id).then().statusCode(404);
            }
        }

        @Test
        void deleteOfEveryFamilyTakesTheGeneratedClientsAccept() {
            String section = keys.asEditor().contentType(ContentType.JSON).body(Map.of("name", Fixtures.unique("Sec")))
                    .post("/v1/sections").then().statusCode(201).extract().path("slug");
            keys.asEditor().header("Accept", PROBLEM).header("If-Match", etag("/v1/sections/" + section))
                    .delete("/v1/sections/" + section).then().statusCode(204);
            String tag = keys.asEditor().contentType(ContentType.JSON).body(Map.of("name", Fixtures.unique("Tag"), "type", "topic"))
                    .post("/v1/tags").then().statusCode(201).extract().path("slug");
            keys.asEditor().header("Accept", PROBLEM).header("If-Match", etag("/v1/tags/" + tag))
                    .delete("/v1/tags/" + tag).then().statusCode(204);
            String key = keys.asAdmin().contentType(ContentType.JSON).body(Map.of("name", Fixtures.unique("Key"), "role", "partner"))
                    .post("/v1/admin/api-keys").then().statusCode(201).extract().path("id");
            keys.asAdmin().header("Accept", PROBLEM).delete("/v1/admin/api-keys/" + key).then().statusCode(204);
        }

        /** An error is answered as problem+json when that is all the client accepts, not turned into a 406. */
        @Test
        void errorsOfADeleteAreProblemsUnderTheProblemAccept() {
            String id = createArticle();
            keys.asEditor().header("Accept", PROBLEM).delete("/v1/articles/" + id)
                    .then().statusCode(428).contentType(startsWith(PROBLEM)).body("status", equalTo(428));
            keys.asEditor().header("Accept", PROBLEM).header("If-Match", "\"99.stale\"").delete("/v1/articles/" + id)
                    .then().statusCode(412).contentType(startsWith(PROBLEM));
            keys.asEditor().header("Accept", PROBLEM).header("If-Match", "*").delete("/v1/articles/" + Fixtures.unique("none"))
                    .then().statusCode(404).contentType(startsWith(PROBLEM));
            given().header("Accept", PROBLEM).header("If-Match", "*").delete("/v1/articles/" + id)
                    .then().statusCode(401).contentType(startsWith(PROBLEM));
        }

        /** A read still refuses an Accept it cannot serve, and says so as a problem. */
        @Test
        void aReadStillAnswers406ForAnAcceptItCannotServe() {
            given().header("Accept", "image/png").get("/v1/sections").then().statusCode(406).contentType(startsWith(PROBLEM));
        }
    }

    @Nested
    class Timestamps {

        static final java.util.regex.Pattern TIME = java.util.regex.Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?(Z|[+-]\\d\\d:\\d\\d)");
        static final java.util.regex.Pattern WHOLE_SECONDS = java.util.regex.Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");

        /** Every time in every representation, before and after edits, is RFC 3339 UTC in whole seconds. */
        @Test
        void everyTimeIsWholeSecondsInUtc() {
            Map<String, Object> body = new HashMap<>();
            body.put("headline", Fixtures.unique("Timed story"));
            body.put("body", Map.of("html", "<p>Text.</p>"));
            body.put("status", "scheduled");
            body.put("publishAt", java.time.Instant.now().plusSeconds(3600).toString().replaceAll("Z$", "").replaceAll("\\.\\d+$", "") + ".123456Z");
            body.put("syndication", Map.of("allowed", true, "embargoUntil", "2031-01-01T10:00:00.987654321Z"));
            var created = keys.asEditor().contentType(ContentType.JSON).body(body).post("/v1/articles")
                    .then().statusCode(201).extract();
            String id = created.path("id");
            keys.asEditor().contentType("application/merge-patch+json").header("If-Match", created.header("ETag"))
                    .body("{\"standfirst\": \"Edited.\"}").patch("/v1/articles/" + id).then().statusCode(200);
            String etag = etag("/v1/articles/" + id);
            keys.asEditor().header("If-Match", etag).post("/v1/articles/" + id + "/publish").then().statusCode(200);
            keys.asEditor().contentType(ContentType.JSON).body(Map.of("text", "A fix."))
                    .post("/v1/articles/" + id + "/corrections").then().statusCode(201);

            java.util.List<String> times = new java.util.ArrayList<>();
            for (String path : new String[]{"/v1/articles/" + id, "/v1/articles/" + id + "/revisions", "/v1/articles?limit=5",
                    "/v1/sections", "/v1/tags", "/v1/bylines", "/v1/changes?limit=100", "/v1/feeds/latest.json"}) {
                collect(keys.asEditor().get(path).then().statusCode(200).extract().asString(), times);
            }
            collect(keys.asAdmin().get("/v1/admin/api-keys").then().statusCode(200).extract().asString(), times);
            collect(keys.asEditor().accept("application/ld+json").get("/v1/articles/" + id).then().statusCode(200).extract().asString(), times);
            org.assertj.core.api.Assertions.assertThat(times).isNotEmpty().allMatch(t -> WHOLE_SECONDS.matcher(t).matches());

            Object[] stored = (Object[]) io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                            "select a.updatedAt, a.publishedAt, a.embargoUntil from Article a where a.id = :id")
                    .setParameter("id", java.util.UUID.fromString(id)).getSingleResult());
            for (Object time : stored) {
                org.assertj.core.api.Assertions.assertThat(((java.time.Instant) time).getNano()).isZero();
            }
        }

        void collect(String json, java.util.List<String> times) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"(" + TIME.pattern() + ")\"").matcher(json);
            while (m.find()) {
                times.add(m.group(1));
            }
        }
    }

    /** Real answers validate against the served schemas: what is `required` is there, `null` only where allowed. */
    @Nested
    class Schemas {

        @Test
        void answersMatchTheirSchemas() throws Exception {
            var section = fixtures.section("Schema section");
            var tag = fixtures.tag("Schema tag", news.dispatch.tag.TagType.PLACE);
            var byline = fixtures.byline("Schema agency", news.dispatch.byline.BylineKind.ORGANISATION);
            java.time.Instant t = java.time.Instant.parse("2021-07-10T09:30:00Z");
            var bare = fixtures.article("Bare story").publishedAt(t.minusSeconds(60)).save();
            var full = fixtures.article("Full story").section(section).tags(tag).byline(byline, news.dispatch.article.BylineRole.AGENCY)
                    .dateline("SULAIMANI", "ESTA").leadImage("https://example.com/a.jpg", "A caption", "ESTA", false)
                    .standfirst("Dek.").correction("A fix.").publishedAt(t).save();
            fixtures.relate(full, bare, 0, news.dispatch.article.Relation.BACKGROUND);

            var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
            com.fasterxml.jackson.databind.node.ObjectNode doc = (com.fasterxml.jackson.databind.node.ObjectNode) mapper.readTree(
                    given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().asString());
            Map<String, String> answers = new java.util.LinkedHashMap<>();
            answers.put("/v1/articles/" + full.slug, "ArticleView");
            answers.put("/v1/articles/" + bare.slug, "ArticleView");
            answers.put("/v1/articles?limit=5", "ArticlePage");
            answers.put("/v1/articles?count=true&limit=2", "ArticlePage");
            answers.put("/v1/articles/" + full.slug + "/related", "RelatedPage");
            answers.put("/v1/sections", "SectionPage");
            answers.put("/v1/sections/" + section.slug, "SectionView");
            answers.put("/v1/tags", "TagPage");
            answers.put("/v1/tags/" + tag.slug, "TagView");
            answers.put("/v1/bylines", "BylinePage");
            answers.put("/v1/bylines/" + byline.slug, "BylineView");
            answers.put("/v1/changes?limit=50", "ChangePage");
            answers.put("/v1/search?q=story", "SearchPage");
            answers.put("/v1/articles/" + full.id + "/revisions", "RevisionPage");
            java.util.List<String> errors = new java.util.ArrayList<>();
            var factory = com.networknt.schema.JsonSchemaFactory.getInstance(com.networknt.schema.SpecVersion.VersionFlag.V202012);
            for (var answer : answers.entrySet()) {
                doc.put("$ref", "#/components/schemas/" + answer.getValue());
                var schema = factory.getSchema(doc.deepCopy());
                String body = keys.asEditor().get(answer.getKey()).then().statusCode(200).extract().asString();
                schema.validate(mapper.readTree(body)).forEach(m -> errors.add(answer.getKey() + ": " + m));
            }
            org.assertj.core.api.Assertions.assertThat(errors).isEmpty();
        }
    }
}
