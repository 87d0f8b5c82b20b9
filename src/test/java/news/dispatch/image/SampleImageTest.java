package news.dispatch.image;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

/** With the sample content, the sample article's file photo is an uploaded image with renditions. */
@QuarkusTest
@TestProfile(news.dispatch.sample.SampleContentTest.WithSampleContent.class) // the same application as the other sample tests
class SampleImageTest {

    static final String SLUG = "iraqi-prime-minister-to-meet-biden-in-washington-this-month";

    @Test
    void theSampleArticlesFilePhotoHasRenditions() {
        String image = given().get("/v1/articles/" + SLUG).then().statusCode(200)
                .body("leadImage.caption", equalTo("Iraqi Prime Minister Mustafa al-Kadhimi"))
                .body("leadImage.credit", equalTo("PM office"))
                .body("leadImage.filePhoto", equalTo(true))
                .body("leadImage.width", equalTo(1600))
                .body("leadImage.height", equalTo(1067))
                .body("leadImage.renditions", hasSize(4))
                .body("leadImage.renditions[0].srcset", containsString("/16x9/640.jpg 640w"))
                .extract().path("leadImage.imageId");
        given().get("/v1/images").then().statusCode(200).body("items", hasSize(1)).body("items[0].id", equalTo(image))
                .body("items[0].source", equalTo("Handout")).body("items[0].syndication.allowed", equalTo(true));
        String card = given().get("/v1/articles/" + SLUG).path("leadImage.renditions[0].sizes[1].webp");
        given().get(card.substring(card.indexOf("/v1/"))).then().statusCode(200).contentType("image/webp")
                .header("ETag", notNullValue());
    }
}
