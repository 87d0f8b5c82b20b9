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

/**
 * The rights rule in the article JSON API and search: partner keys get what they may take; readers every
 * published story whose embargo has passed, syndicable or not (decision 102).
 */
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
                .body("items.slug", containsInAnyOrder(open.slug, withheld.slug, elsewhere.slug));
        keys.as(partner).queryParam("tag", tag.slug).get("/v1/articles").then().statusCode(200)
                .body("items.slug", containsInAnyOrder(open.slug));
        keys.as(partner).get("/v1/articles/" + elsewhere.slug).then().statusCode(404);

        given().queryParam("q", word).get("/v1/search").then().statusCode(200)
                .body("items.slug", containsInAnyOrder(open.slug, withheld.slug, elsewhere.slug));
        keys.as(partner).queryParam("q", word).get("/v1/search").then().statusCode(200)
                .body("items.slug", containsInAnyOrder(open.slug));
        keys.asPartner().queryParam("q", word).get("/v1/search").then().statusCode(200)
                .body("items.slug", containsInAnyOrder(open.slug, elsewhere.slug));
    }

    @Test
    void aKeyWithSeveralSectionsAndTagsTakesArticlesInAnyOfThemAlone() {
        Section s1 = fixtures.section("Rights first");
        Section s2 = fixtures.section("Rights second");
        Section s3 = fixtures.section("Rights third");
        Section outside = fixtures.section("Rights outside");
        Tag t1 = fixtures.tag("Rights alpha", TagType.TOPIC);
        Tag t2 = fixtures.tag("Rights beta", TagType.TOPIC);
        Tag t3 = fixtures.tag("Rights gamma", TagType.TOPIC);
        Tag notOnTheKey = fixtures.tag("Rights delta", TagType.TOPIC);
        Tag run = fixtures.tag("Rights several", TagType.TOPIC);
        String word = Fixtures.unique("kingfisher").replace("-", "");
        Article first = fixtures.article("First taken " + word).section(s1).tags(run, t1).save();
        Article third = fixtures.article("Third taken " + word).section(s3).tags(run, t3, notOnTheKey).save();
        Article untagged = fixtures.article("Other tag " + word).section(s2).tags(run, notOnTheKey).save();
        Article elsewhere = fixtures.article("Outside section " + word).section(outside).tags(run, t2).save();
        // Three sections and three tags: the lists of ids are padded to four places (common/IdList).
        String partner = keys.partner(false, List.of(s1.slug, s2.slug, s3.slug), List.of(t1.slug, t2.slug, t3.slug));

        keys.as(partner).queryParam("tag", run.slug).get("/v1/articles").then().statusCode(200)
                .body("items.slug", containsInAnyOrder(first.slug, third.slug));
        keys.as(partner).queryParam("q", word).get("/v1/search").then().statusCode(200)
                .body("items.slug", containsInAnyOrder(first.slug, third.slug));
        keys.as(partner).queryParam("tag", t1.slug + "|" + t2.slug + "|" + notOnTheKey.slug).get("/v1/articles").then()
                .statusCode(200).body("items.slug", containsInAnyOrder(first.slug, third.slug));

        // Any of three tags, without rights: in the list (JPQL) and in search (SQL).
        String anyOfThree = t1.slug + "|" + t2.slug + "|" + notOnTheKey.slug;
        given().queryParam("tag", anyOfThree).get("/v1/articles").then().statusCode(200)
                .body("items.slug", containsInAnyOrder(first.slug, third.slug, untagged.slug, elsewhere.slug));
        given().queryParam("q", word).queryParam("tag", t2.slug + "|" + t3.slug + "|" + t1.slug).get("/v1/search").then()
                .statusCode(200).body("items.slug", containsInAnyOrder(first.slug, third.slug, elsewhere.slug));
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

        // A reader sees every published neighbour and related post, but nothing under embargo.
        given().get("/v1/articles/" + main.slug).then().statusCode(200)
                .body("navigation.previous.slug", org.hamcrest.Matchers.equalTo(withheld.slug))
                .body("navigation.next", org.hamcrest.Matchers.nullValue())
                .body("related.slug", containsInAnyOrder(withheld.slug, older.slug));
        // A partner sees neither the withheld nor the embargoed story, anywhere in the response.
        keys.asPartner().get("/v1/articles/" + main.slug).then().statusCode(200)
                .body("navigation.previous.slug", org.hamcrest.Matchers.equalTo(older.slug))
                .body("navigation.next", org.hamcrest.Matchers.nullValue())
                .body("related.slug", containsInAnyOrder(older.slug));
    }

    @Test
    void anEmbargoedStoryIsNotPublicAtAllUntilTheLiftButANonSyndicableOneIsReadable() {
        Section section = fixtures.section("Rights anonymous");
        Article embargoed = fixtures.article("Embargoed from everyone").section(section)
                .syndication(true, Instant.now().plusSeconds(3600)).save();
        Article lifted = fixtures.article("Embargo already over").section(section)
                .syndication(true, Instant.now().minusSeconds(60)).save();
        Article withheld = fixtures.article("Ours alone").section(section).syndication(false, null).save();
        String sectionOnly = keys.partner(false, List.of(fixtures.section("Rights elsewhere").slug), List.of());

        // No reader, and no partner that drops its key, reads an embargoed story in any form.
        for (String accept : List.of("application/json", "application/ld+json", "application/ninjs+json")) {
            given().accept(accept).get("/v1/articles/" + embargoed.slug).then().statusCode(404)
                    .contentType("application/problem+json");
            keys.as(sectionOnly).accept(accept).get("/v1/articles/" + embargoed.slug).then().statusCode(404);
        }
        given().get("/v1/sections/" + section.slug + "/articles").then().statusCode(200)
                .body("items.slug", containsInAnyOrder(lifted.slug, withheld.slug));
        given().get("/v1/articles/" + lifted.slug).then().statusCode(200);
        // Editors see it.
        keys.asEditor().get("/v1/articles/" + embargoed.slug).then().statusCode(200);

        // A story not for syndication is the outlet's own: its readers read it, partners may not take it.
        given().get("/v1/articles/" + withheld.slug).then().statusCode(200)
                .body("body.html", org.hamcrest.Matchers.notNullValue());
        given().accept("application/ninjs+json").get("/v1/articles/" + withheld.slug).then().statusCode(404);
        keys.asPartner().get("/v1/articles/" + withheld.slug).then().statusCode(404);
    }
}
