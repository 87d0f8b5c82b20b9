package news.dispatch.tag;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import news.dispatch.article.Article;
import news.dispatch.article.BylineRole;
import news.dispatch.byline.Byline;
import news.dispatch.byline.BylineKind;
import news.dispatch.section.Section;
import news.dispatch.testsupport.Fixtures;
import news.dispatch.testsupport.TestKeys;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;

/** Editors' writes of sections, tags (with merge) and bylines. */
@QuarkusTest
class TaxonomyWriteTest {

    static final String PATCH = "application/merge-patch+json; charset=UTF-8";

    @Inject
    TestKeys keys;

    @Inject
    Fixtures fixtures;

    @Test
    void sectionLifecycle() {
        String name = "Culture " + Fixtures.unique("c");
        var created = keys.asEditor().contentType(ContentType.JSON).body(Map.of("name", name, "position", 3))
                .post("/v1/sections").then().statusCode(201).body("name", equalTo(name)).body("position", equalTo(3)).extract();
        String slug = created.path("slug");
        assertThat(slug).startsWith("culture-c-");
        String etag = given().get("/v1/sections/" + slug).then().statusCode(200).extract().header("ETag");
        assertThat(etag).isEqualTo(created.header("ETag"));

        keys.asEditor().contentType(PATCH).body("{\"description\": \"Arts\"}").patch("/v1/sections/" + slug).then().statusCode(428);
        var patched = keys.asEditor().contentType(PATCH).header("If-Match", etag).body("{\"description\": \"Arts\"}")
                .patch("/v1/sections/" + slug).then().statusCode(200).body("description", equalTo("Arts"))
                .body("position", equalTo(3)).extract();
        keys.asEditor().contentType(ContentType.JSON).header("If-Match", etag).body(Map.of("name", "Stale"))
                .put("/v1/sections/" + slug).then().statusCode(412);
        keys.asEditor().contentType(ContentType.JSON).header("If-Match", patched.header("ETag")).body(Map.of("name", ""))
                .put("/v1/sections/" + slug).then().statusCode(400).body("errors[0].field", equalTo("name"));
        keys.asEditor().contentType(ContentType.JSON).body(Map.of("name", "Dup", "slug", slug))
                .post("/v1/sections").then().statusCode(409);

        fixtures.article("In the section").section(sectionOf(created.path("id"))).save();
        keys.asEditor().header("If-Match", patched.header("ETag")).delete("/v1/sections/" + slug).then().statusCode(409);

        String empty = keys.asEditor().contentType(ContentType.JSON).body(Map.of("name", "Empty " + Fixtures.unique("e")))
                .post("/v1/sections").then().statusCode(201).extract().path("slug");
        String emptyEtag = given().get("/v1/sections/" + empty).then().extract().header("ETag");
        keys.asEditor().header("If-Match", emptyEtag).delete("/v1/sections/" + empty).then().statusCode(204);
        given().get("/v1/sections/" + empty).then().statusCode(404);
    }

    private Section sectionOf(String id) {
        Section s = new Section();
        s.id = java.util.UUID.fromString(id);
        return s;
    }

    @Test
    void tagMergeMovesArticlesOnceAndDeletesTheSource() {
        Tag kadhimi = fixtures.tag("Kadhimi", TagType.PERSON);
        Tag alKadhimi = fixtures.tag("Mustafa al-Kadhimi", TagType.PERSON);
        Article both = fixtures.article("Both tags").tags(kadhimi, alKadhimi).save();
        Article onlySource = fixtures.article("Source only").tags(kadhimi).save();

        keys.asEditor().header("If-Match", "*").delete("/v1/tags/" + kadhimi.slug).then().statusCode(409);
        keys.asEditor().contentType(ContentType.JSON).body(Map.of("into", kadhimi.slug))
                .post("/v1/tags/" + kadhimi.slug + "/merge").then().statusCode(400).body("errors[0].field", equalTo("into"));
        keys.asEditor().contentType(ContentType.JSON).body(Map.of("into", alKadhimi.slug))
                .post("/v1/tags/" + kadhimi.slug + "/merge").then().statusCode(200)
                .body("slug", equalTo(alKadhimi.slug)).body("articleCount", equalTo(2));
        given().get("/v1/tags/" + kadhimi.slug).then().statusCode(404);
        given().get("/v1/tags/" + alKadhimi.slug + "/articles").then().statusCode(200)
                .body("items.slug", containsInAnyOrder(both.slug, onlySource.slug));
        given().get("/v1/articles/" + both.slug).then().body("tags.slug", contains(alKadhimi.slug));
    }

    @Test
    void tagAndBylineWrites() {
        var tag = keys.asEditor().contentType(ContentType.JSON).body(Map.of("name", "Erbil " + Fixtures.unique("t"), "type", "place"))
                .post("/v1/tags").then().statusCode(201).body("type", equalTo("place")).extract();
        keys.asEditor().contentType(ContentType.JSON).body(Map.of("name", "x", "type", "animal"))
                .post("/v1/tags").then().statusCode(400).body("errors[0].field", equalTo("type"));
        keys.asEditor().contentType(PATCH).header("If-Match", tag.header("ETag")).body("{\"name\": \"Hewlêr\"}")
                .patch("/v1/tags/" + tag.path("slug")).then().statusCode(200).body("name", equalTo("Hewlêr"))
                .body("slug", equalTo(tag.path("slug")));

        var byline = keys.asEditor().contentType(ContentType.JSON)
                .body(Map.of("name", "Jane Reporter", "kind", "person",
                        "links", List.of(Map.of("title", "Site", "url", "https://example.com/jane"))))
                .post("/v1/bylines").then().statusCode(201).body("links[0].url", equalTo("https://example.com/jane")).extract();
        keys.asEditor().contentType(ContentType.JSON).body(Map.of("name", "X", "kind", "person",
                        "links", List.of(Map.of("title", "", "url", "javascript:alert(1)"))))
                .post("/v1/bylines").then().statusCode(400).body("errors.field", contains("links[0].title", "links[0].url"));
        Byline credited = fixtures.byline("Credited", BylineKind.PERSON);
        fixtures.article("Credited story").byline(credited, BylineRole.AUTHOR).save();
        String creditedEtag = given().get("/v1/bylines/" + credited.slug).then().extract().header("ETag");
        keys.asEditor().header("If-Match", creditedEtag).delete("/v1/bylines/" + credited.slug).then().statusCode(409);
        keys.asEditor().header("If-Match", byline.header("ETag")).delete("/v1/bylines/" + byline.path("slug")).then().statusCode(204);
        keys.asPartner().contentType(ContentType.JSON).body(Map.of("name", "No", "kind", "person"))
                .post("/v1/bylines").then().statusCode(403);
    }
}
