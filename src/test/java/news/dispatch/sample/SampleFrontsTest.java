package news.dispatch.sample;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** The sample content has a home front made of the sample articles and its live blog (issue 31; docs/decisions/153). */
@QuarkusTest
@TestProfile(SampleContentTest.WithSampleContent.class)
class SampleFrontsTest {

    @Inject
    SampleFronts fronts;

    @Test
    void servesTheHomeFront() {
        given().get("/v1/fronts").then().statusCode(200).body("items.slug", hasItem("home"));
        given().get("/v1/fronts/home").then().statusCode(200)
                .body("title", equalTo("Home"))
                .body("collections.title", contains("Top stories", "Security", "Editor's picks"))
                .body("collections[0].items[0].article.slug", equalTo(SampleContentTest.SLUG))
                .body("collections[0].items[0].headline", equalTo("Kadhimi to meet Biden in Washington this month"))
                .body("collections[0].items[3].article.slug", equalTo(LiveBlogSampleTest.BLOG))
                .body("collections[0].items[3].article.live", equalTo(true))
                .body("collections[0].items[3].headline", equalTo("Kurdistan votes: live"))
                .body("collections[1].items.article.section.slug", contains("security", "security"))
                .body("collections[2].items[1].article.language", equalTo("ckb"));
        assertThat(fronts.load()).as("loaded once").isFalse();
    }
}
