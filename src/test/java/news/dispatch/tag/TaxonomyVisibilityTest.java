package news.dispatch.tag;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import news.dispatch.article.Article;
import news.dispatch.section.Section;
import news.dispatch.testsupport.Fixtures;
import news.dispatch.testsupport.TestKeys;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

/** What tags, bylines and the change feed tell about stories a caller cannot see, and tombstones. */
@QuarkusTest
class TaxonomyVisibilityTest {

    @Inject
    Fixtures fixtures;
    @Inject
    TestKeys keys;

    @Test
    void aTagCountsOnlyTheStoriesTheCallerCanList() {
        String name = Fixtures.unique("Countable");
        Tag tag = fixtures.tag(name, TagType.TOPIC);
        fixtures.article("Counted story").tags(tag).save();
        fixtures.article("Withheld counted story").tags(tag).syndication(false, null).save();
        fixtures.article("Embargoed counted story").tags(tag).syndication(true, Instant.now().plusSeconds(3600)).save();

        // readers list the withheld story but not the embargoed one (decision 102)
        given().get("/v1/tags/" + tag.slug).then().statusCode(200).body("articleCount", equalTo(2));
        keys.asPartner().get("/v1/tags/" + tag.slug).then().statusCode(200).body("articleCount", equalTo(1));
        keys.asPartner().queryParam("q", name).get("/v1/tags").then().statusCode(200)
                .body("items.articleCount", contains(1));
        keys.asPartner().queryParam("q", name).queryParam("sort", "-articleCount").get("/v1/tags").then().statusCode(200)
                .body("items.articleCount", contains(1));
        // The same number as the tag's own article list shows the partner.
        keys.asPartner().queryParam("count", "true").get("/v1/tags/" + tag.slug + "/articles").then().statusCode(200)
                .body("page.total", equalTo(1));
        keys.asEditor().get("/v1/tags/" + tag.slug).then().statusCode(200).body("articleCount", equalTo(3));
    }

    @Test
    void aBylineWhoseArticlesWereAllDeletedCanBeDeleted() {
        var byline = keys.asEditor().contentType(ContentType.JSON)
                .body(Map.of("name", "Short-lived " + Fixtures.unique("b"), "kind", "person"))
                .post("/v1/bylines").then().statusCode(201).extract();
        String slug = byline.path("slug");
        var article = keys.asEditor().contentType(ContentType.JSON)
                .body(Map.of("headline", "Credited " + Fixtures.unique("a"), "body", Map.of("html", "<p>x</p>"),
                        "status", "published", "bylines", List.of(Map.of("byline", slug))))
                .post("/v1/articles").then().statusCode(201).extract();
        keys.asEditor().header("If-Match", byline.header("ETag")).delete("/v1/bylines/" + slug).then().statusCode(409);
        keys.asEditor().header("If-Match", article.header("ETag")).delete("/v1/articles/" + article.path("id"))
                .then().statusCode(204);
        keys.asEditor().header("If-Match", "*").delete("/v1/bylines/" + slug).then().statusCode(204);
        given().get("/v1/bylines/" + slug).then().statusCode(404);
    }

    /** The end of the change feed now. */
    String head() {
        String cursor = null;
        while (true) {
            JsonPath page = keys.asEditor().queryParam("limit", 100)
                    .queryParams(cursor == null ? Map.of() : Map.of("since", cursor))
                    .get("/v1/changes").then().statusCode(200).extract().jsonPath();
            if (page.getList("items").isEmpty()) {
                return page.getString("next");
            }
            cursor = page.getString("next");
        }
    }

    List<Map<String, Object>> read(String since, String caller, String articleId) {
        List<Map<String, Object>> seen = new ArrayList<>();
        String cursor = since;
        while (true) {
            JsonPath page = keys.as(caller).queryParam("since", cursor).queryParam("limit", 100).get("/v1/changes")
                    .then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> items = page.getList("items");
            items.stream().filter(i -> articleId.equals(i.get("id"))).forEach(seen::add);
            if (items.isEmpty()) {
                return seen;
            }
            cursor = page.getString("next");
        }
    }

    @Test
    void aRemovalEntryCarriesTheSlugTheCallerKnewNotTheNewOne() {
        Section mine = fixtures.section("Feed mine");
        Section other = fixtures.section("Feed other");
        String partner = keys.partner(false, List.of(mine.slug), List.of());
        String start = head();
        var created = keys.asEditor().contentType(ContentType.JSON)
                .body(Map.of("headline", "Moving story " + Fixtures.unique("m"), "body", Map.of("html", "<p>x</p>"),
                        "status", "published", "section", mine.slug))
                .post("/v1/articles").then().statusCode(201).extract();
        String id = created.path("id");
        String oldSlug = created.path("slug");
        String secret = Fixtures.unique("secret-new-slug");
        keys.asEditor().contentType("application/merge-patch+json").header("If-Match", created.header("ETag"))
                .body(Map.of("slug", secret, "section", other.slug)).patch("/v1/articles/" + id).then().statusCode(200);

        List<Map<String, Object>> seen = read(start, partner, id);
        assertThat(seen).extracting(i -> i.get("type") + ":" + i.get("visible") + ":" + i.get("slug"))
                .containsExactly("publish:true:" + oldSlug, "update:false:" + oldSlug);
        // Editors see the entry as it is.
        assertThat(read(start, keys.editor(), id)).extracting(i -> (String) i.get("slug")).contains(secret);
    }
}
