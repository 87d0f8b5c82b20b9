package news.dispatch.syndication;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import news.dispatch.article.Article;
import news.dispatch.section.Section;
import news.dispatch.tag.Tag;
import news.dispatch.tag.TagType;
import news.dispatch.testsupport.Fixtures;
import news.dispatch.testsupport.TestKeys;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;

/** The rights rule in the article JSON API and search: partner keys get what they may take, readers everything. */
@QuarkusTest
class RightsTest {

    @Inject
    Fixtures fixtures;
    @Inject
    TestKeys keys;

    @Test
    void partnerListsAndSearchesOnlyWhatItMayTake() {
        Section mine = fixtures.section("Rights mine");
        Section other = fixtures.section("Rights other");
        Tag tag = fixtures.tag("Rights run", TagType.TOPIC);
        String word = Fixtures.unique("zebrafinch").replace("-", "");
        Article open = fixtures.article("Open story " + word).section(mine).tags(tag).save();
        Article embargoed = fixtures.article("Embargoed story " + word).section(mine).tags(tag)
                .syndication(true, Instant.now().plusSeconds(3600)).save();
        Article withheld = fixtures.article("Withheld story " + word).section(mine).tags(tag).syndication(false, null).save();
        Article elsewhere = fixtures.article("Elsewhere story " + word).section(other).tags(tag).save();
        String partner = keys.partner(false, List.of(mine.slug), List.of());

        given().queryParam("tag", tag.slug).get("/v1/articles").then().statusCode(200)
                .body("items.slug", containsInAnyOrder(open.slug, embargoed.slug, withheld.slug, elsewhere.slug));
        keys.as(partner).queryParam("tag", tag.slug).get("/v1/articles").then().statusCode(200)
                .body("items.slug", containsInAnyOrder(open.slug));
        keys.as(partner).get("/v1/articles/" + elsewhere.slug).then().statusCode(404);

        given().queryParam("q", word).get("/v1/search").then().statusCode(200)
                .body("items.slug", containsInAnyOrder(open.slug, embargoed.slug, withheld.slug, elsewhere.slug));
        keys.as(partner).queryParam("q", word).get("/v1/search").then().statusCode(200)
                .body("items.slug", containsInAnyOrder(open.slug));
        keys.asPartner().queryParam("q", word).get("/v1/search").then().statusCode(200)
                .body("items.slug", containsInAnyOrder(open.slug, elsewhere.slug));
    }

    @Test
    void aPartnersArticleReadShowsNoWithheldNeighbourOrRelatedPost() {
        Section section = fixtures.section("Rights neighbours");
        Tag tag = fixtures.tag("Rights neighbours", TagType.TOPIC);
        java.time.Instant t = java.time.Instant.parse("2021-07-10T09:30:00Z");
        Article older = fixtures.article("Older open story").section(section).tags(tag).publishedAt(t.minusSeconds(7200)).save();
        Article withheld = fixtures.article("Withheld neighbour").section(section).tags(tag).publishedAt(t.minusSeconds(3600))
                .syndication(false, null).save();
        Article main = fixtures.article("Main rights story").section(section).tags(tag).publishedAt(t).save();
        Article embargoed = fixtures.article("Embargoed neighbour").section(section).tags(tag).publishedAt(t.plusSeconds(3600))
                .syndication(true, java.time.Instant.now().plusSeconds(86_400)).save();
        fixtures.relate(main, withheld, 0, news.dispatch.article.Relation.BACKGROUND);

        // A reader sees every neighbour and related post.
        given().get("/v1/articles/" + main.slug).then().statusCode(200)
                .body("navigation.previous.slug", org.hamcrest.Matchers.equalTo(withheld.slug))
                .body("navigation.next.slug", org.hamcrest.Matchers.equalTo(embargoed.slug))
                .body("related.slug", org.hamcrest.Matchers.hasItems(withheld.slug, embargoed.slug, older.slug));
        // A partner sees neither the withheld nor the embargoed story, anywhere in the response.
        keys.asPartner().get("/v1/articles/" + main.slug).then().statusCode(200)
                .body("navigation.previous.slug", org.hamcrest.Matchers.equalTo(older.slug))
                .body("navigation.next", org.hamcrest.Matchers.nullValue())
                .body("related.slug", containsInAnyOrder(older.slug));
    }
}
