package news.dispatch.sample;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

/** The sample content has one live blog with a few entries, and an alert for it. */
@QuarkusTest
@TestProfile(SampleContentTest.WithSampleContent.class)
class LiveBlogSampleTest {

    static final String BLOG = "kurdistan-region-parliamentary-election-live";

    @Test
    void theSampleLiveBlogHasItsEntriesNewestFirst() {
        given().get("/v1/articles/" + BLOG).then().statusCode(200)
                .body("live", equalTo(true))
                .body("coverage.start", equalTo("2024-10-20T05:00:00Z"));
        given().get("/v1/articles/" + BLOG + "/entries").then().statusCode(200)
                .body("items.title", contains("Polls close", null, "Polls open"))
                .body("items[0].pinned", equalTo(true))
                .body("items[1].image.alt", notNullValue());
        given().accept("application/ld+json").get("/v1/articles/" + BLOG).then().statusCode(200)
                .body("'@type'", equalTo("LiveBlogPosting"))
                .body("liveBlogUpdate", hasSize(3));
    }

    @Test
    void theSampleAlertIsActive() {
        given().get("/v1/alerts").then().statusCode(200)
                .body("items", hasSize(1))
                .body("items[0].level", equalTo("breaking"))
                .body("items[0].article.slug", equalTo(BLOG))
                .body("items[0].entryId", notNullValue());
    }
}
