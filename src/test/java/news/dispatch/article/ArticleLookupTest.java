package news.dispatch.article;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import news.dispatch.section.Section;
import news.dispatch.tag.Tag;
import news.dispatch.tag.TagType;
import news.dispatch.testsupport.Fixtures;
import news.dispatch.testsupport.TestKeys;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/** Reading one article: former slugs, deleted articles, the related posts' limit. */
@QuarkusTest
class ArticleLookupTest {

    static final String PROBLEM = "application/problem+json";

    @Inject
    Fixtures fixtures;
    @Inject
    TestKeys keys;

    @Test
    void aFormerSlugRedirectsOnlyCallersWhoMaySeeTheStory() {
        Section mine = fixtures.section("Entitled");
        Section other = fixtures.section("Not entitled");
        Article story = fixtures.article("Renamed story").section(other).save();
        String former = Fixtures.unique("former-slug");
        fixtures.formerSlug(story, former);
        String partner = keys.partner(false, List.of(mine.slug), List.of());

        given().redirects().follow(false).get("/v1/articles/" + former).then().statusCode(301)
                .header("Location", containsString("/v1/articles/" + story.slug));
        keys.as(partner).redirects().follow(false).get("/v1/articles/" + former).then().statusCode(404)
                .contentType(PROBLEM);
        keys.as(partner).redirects().follow(false).get("/v1/articles/" + former + "/related").then().statusCode(404);

        // Withheld from syndication: anonymous ninjs readers must not learn the new slug either.
        Article withheld = fixtures.article("Withheld renamed story").syndication(false, null).save();
        String formerWithheld = Fixtures.unique("former-withheld");
        fixtures.formerSlug(withheld, formerWithheld);
        given().redirects().follow(false).accept("application/ninjs+json").get("/v1/articles/" + formerWithheld)
                .then().statusCode(404);
        given().redirects().follow(false).get("/v1/articles/" + formerWithheld).then().statusCode(301);
    }

    @Test
    void anArticleDeletedWhilePublishedIsGoneToThoseWhoSawIt() {
        Section mine = fixtures.section("Gone mine");
        Section other = fixtures.section("Gone other");
        var created = keys.asEditor().contentType(ContentType.JSON)
                .body(Map.of("headline", "Deleted story " + Fixtures.unique("d"), "body", Map.of("html", "<p>x</p>"),
                        "status", "published", "section", other.slug))
                .post("/v1/articles").then().statusCode(201).extract();
        String id = created.path("id");
        String slug = created.path("slug");
        keys.asEditor().header("If-Match", created.header("ETag")).delete("/v1/articles/" + id).then().statusCode(204);

        given().get("/v1/articles/" + slug).then().statusCode(410).contentType(PROBLEM)
                .body("type", equalTo("urn:dispatch:problem:gone"))
                .body("detail", containsString("change feed"));
        given().get("/v1/articles/" + id).then().statusCode(410);
        given().get("/v1/articles/" + slug + "/related").then().statusCode(410);
        keys.asEditor().get("/v1/articles/" + slug).then().statusCode(410);
        // A partner who was never entitled to it learns nothing.
        keys.as(keys.partner(false, List.of(mine.slug), List.of())).get("/v1/articles/" + slug).then().statusCode(404);

        // A draft that is deleted was never anyone's story: 404.
        var draft = keys.asEditor().contentType(ContentType.JSON)
                .body(Map.of("headline", "Deleted draft " + Fixtures.unique("d"), "body", Map.of("html", "<p>x</p>")))
                .post("/v1/articles").then().statusCode(201).extract();
        keys.asEditor().header("If-Match", draft.header("ETag")).delete("/v1/articles/" + draft.path("id")).then().statusCode(204);
        given().get("/v1/articles/" + draft.path("slug")).then().statusCode(404);
        keys.asEditor().get("/v1/articles/" + draft.path("slug")).then().statusCode(404);
    }

    @Test
    void relatedTakesALimitUpTo20() {
        Tag tag = fixtures.tag("Related limit " + Fixtures.unique("t"), TagType.TOPIC);
        Instant t = Instant.parse("2022-03-01T10:00:00Z");
        Article story = fixtures.article("Related limit story").tags(tag).publishedAt(t).save();
        for (int i = 1; i <= 3; i++) {
            fixtures.article("Related limit neighbour " + i).tags(tag).publishedAt(t.minusSeconds(60L * i)).save();
        }
        given().queryParam("limit", 2).get("/v1/articles/" + story.slug + "/related").then().statusCode(200)
                .body("items", hasSize(2)).body("page.limit", equalTo(2));
        given().get("/v1/articles/" + story.slug + "/related").then().statusCode(200)
                .body("items", hasSize(3)).body("page.limit", equalTo(5));
        given().queryParam("limit", 20).get("/v1/articles/" + story.slug + "/related").then().statusCode(200)
                .body("items", hasSize(3));
        for (String bad : List.of("0", "21", "x")) {
            given().queryParam("limit", bad).get("/v1/articles/" + story.slug + "/related").then().statusCode(400)
                    .contentType(PROBLEM).body("errors[0].field", equalTo("limit"));
        }
    }
}
