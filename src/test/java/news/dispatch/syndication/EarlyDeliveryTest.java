package news.dispatch.syndication;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import news.dispatch.article.Article;
import news.dispatch.change.ChangeFeed;
import news.dispatch.testsupport.ContentChanges;
import news.dispatch.testsupport.Fixtures;
import news.dispatch.testsupport.TestKeys;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

/** Partner keys with early delivery take embargoed stories before the lift, marked as such (decision 164). */
@QuarkusTest
class EarlyDeliveryTest {

    @Inject
    Fixtures fixtures;
    @Inject
    ContentChanges changes;
    @Inject
    TestKeys keys;
    @Inject
    ChangeFeed feed;

    String earlyKey() {
        return given().contentType("application/json").header("Authorization", "Bearer " + keys.admin())
                .body(Map.of("name", Fixtures.unique("Wire client"), "role", "partner", "fullText", true,
                        "earlyDelivery", true))
                .post("/v1/admin/api-keys").then().statusCode(201).body("earlyDelivery", equalTo(true))
                .extract().path("secret");
    }

    @Test
    void anEarlyDeliveryKeyTakesEmbargoedStoriesMarkedAsSuch() {
        String since = ChangeFeed.cursor(feed.head());
        Instant lift = Instant.now().plus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        Article a = changes.create(fixtures.article("Embargoed results " + Fixtures.unique("e")).syndication(true, lift));
        String early = earlyKey();

        keys.as(early).get("/v1/articles/" + a.id).then().statusCode(200)
                .body("syndication.embargoed", equalTo(true))
                .body("syndication.embargoUntil", equalTo(lift.toString()));
        keys.as(early).queryParam("limit", 100).get("/v1/articles").then().statusCode(200)
                .body("items.id", hasItem(a.id.toString()))
                .body("items.find { it.id == '" + a.id + "' }.syndication.embargoed", equalTo(true))
                .body("items.find { it.id == '" + a.id + "' }.syndication.embargoUntil", equalTo(lift.toString()));
        keys.as(early).accept("application/ninjs+json").get("/v1/articles/" + a.id).then().statusCode(200)
                .body("embargoedUntil", equalTo(lift.toString()));
        keys.as(early).accept("application/ninjs+json;version=2.2").get("/v1/articles/" + a.id).then().statusCode(200)
                .body("embargoed", equalTo(lift.toString()));
        keys.as(early).accept("application/ninjs+json").queryParam("limit", 100).get("/v1/articles").then().statusCode(200)
                .body("items.find { it.uri.contains('" + a.id + "') }.embargoedUntil", equalTo(lift.toString()));
        JsonPath page = keys.as(early).queryParam("since", since).queryParam("limit", 100).get("/v1/changes")
                .then().statusCode(200).extract().jsonPath();
        List<Map<String, Object>> items = page.getList("items");
        Map<String, Object> entry = items.stream().filter(i -> i.get("id").equals(a.id.toString())).findFirst().orElseThrow();
        assertThat(entry).containsEntry("embargoed", true).containsEntry("embargoUntil", lift.toString())
                .containsEntry("visible", true);

        // never through public channels, nor to other partners
        given().get("/v1/articles/" + a.id).then().statusCode(404);
        keys.asPartner().get("/v1/articles/" + a.id).then().statusCode(404);
        given().queryParam("limit", 100).get("/v1/articles").then().statusCode(200)
                .body("items.id", not(hasItem(a.id.toString())));
        keys.asPartner().queryParam("since", since).queryParam("limit", 100).get("/v1/changes").then().statusCode(200)
                .body("items.id", not(hasItem(a.id.toString())));
    }

    /** Feed readers show what arrives and cannot be told of an embargo: feeds never carry an embargoed story. */
    @Test
    void feedsLeaveEmbargoedStoriesOutEvenForAnEarlyDeliveryKey() {
        Instant lift = Instant.now().plus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
        Article a = changes.create(fixtures.article("Embargoed feed story " + Fixtures.unique("e")).syndication(true, lift));
        String early = earlyKey();
        for (String format : List.of("json", "atom", "rss")) {
            String feed = given().queryParam("apiKey", early).get("/v1/feeds/latest." + format).then().statusCode(200)
                    .extract().asString();
            assertThat(feed).doesNotContain(a.id.toString()).doesNotContain(a.slug);
            assertThat(keys.as(early).get("/v1/feeds/latest." + format).then().statusCode(200).extract().asString())
                    .doesNotContain(a.id.toString());
        }
    }

    @Test
    void afterTheLiftTheStoryIsNoLongerMarked() {
        Instant lifted = Instant.now().minus(1, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS);
        Article a = changes.create(fixtures.article("Lifted " + Fixtures.unique("e")).syndication(true, lifted));
        keys.as(earlyKey()).get("/v1/articles/" + a.id).then().statusCode(200)
                .body("syndication.embargoed", equalTo(false));
        given().get("/v1/articles/" + a.id).then().statusCode(200).body("syndication.embargoed", equalTo(false));
    }
}
