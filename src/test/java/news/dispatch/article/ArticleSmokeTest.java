package news.dispatch.article;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import news.dispatch.byline.Byline;
import news.dispatch.byline.BylineKind;
import news.dispatch.section.Section;
import news.dispatch.tag.Tag;
import news.dispatch.tag.TagType;
import news.dispatch.testsupport.Fixtures;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
class ArticleSmokeTest {

    @Inject
    Fixtures fixtures;

    @Test
    void showsArticleWithNavigationAndRelated() {
        Section section = fixtures.section("World");
        Tag iraq = fixtures.tag("Iraq", TagType.PLACE);
        Byline agency = fixtures.byline("Agency", BylineKind.ORGANISATION);
        Instant t = Instant.parse("2021-07-10T09:30:00Z");
        Article older = fixtures.article("Older story").section(section).tags(iraq).publishedAt(t.minusSeconds(3600)).save();
        Article main = fixtures.article("Main story").section(section).tags(iraq)
                .byline(agency, BylineRole.AGENCY).publishedAt(t).save();
        Article newer = fixtures.article("Newer story").section(section).publishedAt(t.plusSeconds(3600)).save();

        given().when().get("/v1/articles/" + main.slug)
                .then().statusCode(200)
                .header("ETag", notNullValue())
                .body("headline", equalTo("Main story"))
                .body("bylines[0].role", equalTo("agency"))
                .body("navigation.previous.slug", equalTo(older.slug))
                .body("navigation.next.slug", equalTo(newer.slug))
                .body("related", hasSize(1))
                .body("related[0].slug", equalTo(older.slug))
                .body("related[0].relation", equalTo("related"));

        given().queryParam("section", section.slug).when().get("/v1/articles")
                .then().statusCode(200)
                .body("items.slug", org.hamcrest.Matchers.contains(newer.slug, main.slug, older.slug));
    }
}
