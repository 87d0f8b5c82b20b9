package news.dispatch.syndication;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import news.dispatch.section.Section;
import news.dispatch.testsupport.Fixtures;
import news.dispatch.testsupport.TestKeys;
import org.junit.jupiter.api.Test;

import javax.imageio.ImageIO;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

/** Uploaded images as articles' lead images: JSON, ninjs, JSON-LD and RSS, under the image's own rights (decision 171). */
@QuarkusTest
class ImagesInContentTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    TestKeys keys;

    @Inject
    Fixtures fixtures;

    String upload(boolean syndicated) throws Exception {
        BufferedImage image = new BufferedImage(1800, 1200, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.DARK_GRAY);
        g.fillRect(0, 0, 1800, 1200);
        g.setColor(Color.WHITE);
        g.fillOval(1000, 200, 400, 400);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpg", out);
        return keys.asEditor().contentType("image/jpeg").body(out.toByteArray())
                .queryParam("caption", "Iraqi Prime Minister Mustafa al-Kadhimi").queryParam("credit", "PM office")
                .queryParam("alt", "A podium").queryParam("focalX", "0.66").queryParam("focalY", "0.33")
                .queryParam("syndicationAllowed", String.valueOf(syndicated))
                .post("/v1/images").then().statusCode(201).extract().path("id");
    }

    String publish(Section section, String imageId) {
        Map<String, Object> body = new HashMap<>();
        body.put("headline", Fixtures.unique("Kadhimi to visit Washington"));
        body.put("body", Map.of("html", "<p>The prime minister will visit.</p>"));
        body.put("section", section.slug);
        body.put("status", "published");
        body.put("leadImage", Map.of("imageId", imageId, "alt", "Mustafa al-Kadhimi at a podium", "filePhoto", true));
        return keys.asEditor().contentType(ContentType.JSON).body(body).post("/v1/articles")
                .then().statusCode(201).extract().path("slug");
    }

    @Test
    void anArticleShowsItsUploadedLeadImageInEveryFormat() throws Exception {
        Section section = fixtures.section(Fixtures.unique("Images"));
        String image = upload(true);
        String slug = publish(section, image);

        given().get("/v1/articles/" + slug).then().statusCode(200)
                .body("leadImage.imageId", equalTo(image))
                .body("leadImage.width", equalTo(1600))
                .body("leadImage.height", equalTo(1067))
                .body("leadImage.url", containsString("/v1/images/" + image + "/"))
                .body("leadImage.url", containsString("/original/1600.jpg"))
                .body("leadImage.alt", equalTo("Mustafa al-Kadhimi at a podium"))
                .body("leadImage.caption", equalTo("Iraqi Prime Minister Mustafa al-Kadhimi"))
                .body("leadImage.credit", equalTo("PM office"))
                .body("leadImage.focalPoint.x", equalTo(0.66f))
                .body("leadImage.renditions.aspectRatio", equalTo(List.of("16:9", "4:3", "1:1", "original")))
                .body("leadImage.renditions[0].srcset", containsString("/16x9/640.jpg 640w"))
                .body("leadImage.renditions[2].webpSrcset", containsString("/1x1/160.webp 160w"));
        // the card image alone
        given().queryParam("fields", "slug,leadImage").get("/v1/sections/" + section.slug + "/articles").then().statusCode(200)
                .body("items[0].leadImage.renditions[0].sizes[0].width", equalTo(160));
        // a URL from the article answers
        String card = given().get("/v1/articles/" + slug).path("leadImage.renditions[0].sizes[1].webp");
        given().get(card.substring(card.indexOf("/v1/"))).then().statusCode(200).contentType("image/webp");

        for (String accept : List.of("application/ninjs+json", "application/ninjs+json;version=2.2")) {
            String body = keys.as(keys.fullTextPartner()).accept(accept).get("/v1/articles/" + slug).then().statusCode(200)
                    .extract().asString();
            JsonNode doc = JSON.readTree(body);
            assertThat(NinjsSchemas.errors(accept.endsWith("2.2") ? NinjsSchemas.V2_2 : NinjsSchemas.V3_1, doc)).as(accept).isEmpty();
            JsonNode renditions = doc.path("associations").get(0).path("renditions");
            List<String> names = new ArrayList<>();
            renditions.forEach(r -> names.add(r.path("name").asText()));
            assertThat(names).contains("original", "16x9-640", "16x9-640-webp", "1x1-160");
            assertThat(renditions.get(0).path("width").asInt()).isEqualTo(1600);
        }

        given().accept("application/ld+json").get("/v1/articles/" + slug).then().statusCode(200)
                .body("image.'@type'", equalTo("ImageObject"))
                .body("image.width", equalTo(1600))
                .body("image.height", equalTo(1067));

        String rss = given().get("/v1/feeds/sections/" + section.slug + ".rss").then().statusCode(200)
                .contentType(startsWith("application/rss+xml")).extract().asString();
        assertThat(rss).contains("<media:content").contains("width=\"1600\"").contains("height=\"1067\"")
                .contains("type=\"image/jpeg\"").contains("<enclosure").contains("/v1/images/" + image + "/");
    }

    @Test
    void partnersGetTheStoryWithoutAnImageWhoseRightsDoNotAllow() throws Exception {
        Section section = fixtures.section(Fixtures.unique("Images"));
        String licensed = upload(false);
        String slug = publish(section, licensed);
        given().get("/v1/articles/" + slug).then().statusCode(200).body("leadImage.imageId", equalTo(licensed));
        keys.as(keys.fullTextPartner()).get("/v1/articles/" + slug).then().statusCode(200)
                .body("leadImage", nullValue());
        String ninjs = keys.as(keys.fullTextPartner()).accept("application/ninjs+json").get("/v1/articles/" + slug)
                .then().statusCode(200).extract().asString();
        assertThat(ninjs).doesNotContain(licensed);
        String feed = keys.as(keys.fullTextPartner()).get("/v1/feeds/sections/" + section.slug + ".rss")
                .then().statusCode(200).extract().asString();
        assertThat(feed).contains(slug).doesNotContain(licensed);

        // an image in use is not deleted
        String etag = given().get("/v1/images/" + licensed).header("ETag");
        keys.asEditor().header("If-Match", etag).delete("/v1/images/" + licensed).then().statusCode(409);
    }

    @Test
    void inlineImagesInTheBodyGetTheirRenditions() throws Exception {
        Section section = fixtures.section(Fixtures.unique("Images"));
        String free = upload(true);
        String licensed = upload(false);
        Map<String, Object> body = new HashMap<>();
        body.put("headline", Fixtures.unique("Inline pictures"));
        body.put("body", Map.of("html", "<p>Before.</p><figure data-image-id=\"" + free + "\"><img data-image-id=\"" + free
                + "\" alt=\"\"><figcaption>Free</figcaption></figure><figure><img data-image-id=\"" + licensed
                + "\" alt=\"Licensed\"><figcaption>Licensed</figcaption></figure><p>After.</p>"));
        body.put("section", section.slug);
        body.put("status", "published");
        String slug = keys.asEditor().contentType(ContentType.JSON).body(body).post("/v1/articles")
                .then().statusCode(201).extract().path("slug");
        String html = given().get("/v1/articles/" + slug).then().statusCode(200).extract().path("body.html");
        assertThat(html).contains("data-image-id=\"" + free + "\"").contains("srcset=\"").contains("/original/1600.jpg")
                .contains("width=\"1600\"").contains("alt=\"A podium\"").contains("<figcaption>Licensed</figcaption>")
                .contains("<p>Before.</p>").contains("<p>After.</p>");
        String partner = keys.as(keys.fullTextPartner()).get("/v1/articles/" + slug).then().statusCode(200)
                .extract().path("body.html");
        assertThat(partner).contains("<figcaption>Free</figcaption>").doesNotContain(licensed).doesNotContain("Licensed");
    }

    @Test
    void feedsAndNinjsLeaveOutAnImageNotSyndicableForEveryoneBelowEditor() throws Exception {
        Section section = fixtures.section(Fixtures.unique("Images"));
        String licensed = upload(false);
        String slug = publish(section, licensed);
        Map<String, Object> body = new HashMap<>();
        body.put("headline", Fixtures.unique("An inline licensed picture"));
        body.put("body", Map.of("html", "<p>Before.</p><figure><img data-image-id=\"" + licensed
                + "\" alt=\"Licensed\"><figcaption>Licensed picture</figcaption></figure><p>After.</p>"));
        body.put("section", section.slug);
        body.put("status", "published");
        String inline = keys.asEditor().contentType(ContentType.JSON).body(body).post("/v1/articles")
                .then().statusCode(201).extract().path("slug");

        // the outlet's readers read it in the article JSON and schema.org (decision 102's READ channel)
        given().get("/v1/articles/" + slug).then().statusCode(200).body("leadImage.imageId", equalTo(licensed));
        given().get("/v1/articles/" + inline).then().statusCode(200).body("images[0].imageId", equalTo(licensed));
        given().accept("application/ld+json").get("/v1/articles/" + slug).then().statusCode(200)
                .body("image.'@type'", equalTo("ImageObject"));
        // the syndication formats, anonymous: the stories without the picture
        for (String format : List.of("rss", "atom", "json")) {
            String feed = given().get("/v1/feeds/sections/" + section.slug + "." + format).then().statusCode(200)
                    .extract().asString();
            assertThat(feed).as(format).contains(slug).contains(inline).contains("After.")
                    .doesNotContain(licensed).doesNotContain("Licensed picture");
        }
        String ninjs = given().accept("application/ninjs+json").get("/v1/articles/" + slug).then().statusCode(200)
                .extract().asString();
        assertThat(ninjs).contains(slug).doesNotContain(licensed);
        // editors get it everywhere
        assertThat(keys.asEditor().get("/v1/feeds/sections/" + section.slug + ".rss").then().statusCode(200)
                .extract().asString()).contains(licensed).contains("Licensed picture");

        // once its rights allow it, the cached feed shows it at once
        String etag = given().get("/v1/images/" + licensed).header("ETag");
        keys.asEditor().header("If-Match", etag).contentType("application/merge-patch+json")
                .body(Map.of("syndication", Map.of("allowed", true))).patch("/v1/images/" + licensed).then().statusCode(200);
        assertThat(given().get("/v1/feeds/sections/" + section.slug + ".rss").then().statusCode(200).extract().asString())
                .contains(licensed).contains("Licensed picture");
        assertThat(given().accept("application/ninjs+json").get("/v1/articles/" + slug).then().statusCode(200)
                .extract().asString()).contains(licensed);
    }

    @Test
    void inlineImagesCarryTheLeadImagesData() throws Exception {
        Section section = fixtures.section(Fixtures.unique("Images"));
        String image = upload(true);
        Map<String, Object> body = new HashMap<>();
        body.put("headline", Fixtures.unique("Inline data"));
        body.put("body", Map.of("html", "<figure><img data-image-id=\"" + image + "\" alt=\"Own alt\"></figure>"
                + "<p>Again:</p><img data-image-id=\"" + image + "\">"));
        body.put("section", section.slug);
        body.put("status", "published");
        String slug = keys.asEditor().contentType(ContentType.JSON).body(body).post("/v1/articles")
                .then().statusCode(201).extract().path("slug");
        given().get("/v1/articles/" + slug).then().statusCode(200)
                .body("images.size()", equalTo(1))
                .body("images[0].imageId", equalTo(image))
                .body("images[0].width", equalTo(1600))
                .body("images[0].height", equalTo(1067))
                .body("images[0].alt", equalTo("Own alt"))
                .body("images[0].caption", equalTo("Iraqi Prime Minister Mustafa al-Kadhimi"))
                .body("images[0].focalPoint.x", equalTo(0.66f))
                .body("images[0].renditions.aspectRatio", equalTo(List.of("16:9", "4:3", "1:1", "original")))
                .body("images[0].renditions[0].srcset", containsString("/16x9/640.jpg 640w"))
                .body("images[0].renditions[1].webpSrcset", containsString("/4x3/320.webp 320w"));
        // with the body only: lists give them when they include the body
        given().get("/v1/sections/" + section.slug + "/articles").then().statusCode(200)
                .body("items[0]", not(hasKey("images")));
        given().queryParam("include", "body").get("/v1/sections/" + section.slug + "/articles").then().statusCode(200)
                .body("items[0].images[0].imageId", equalTo(image));
        given().queryParam("fields", "slug").get("/v1/articles/" + slug).then().statusCode(200)
                .body("$", not(hasKey("images")));
        // an article without inline images has an empty list
        given().get("/v1/articles/" + publish(section, image)).then().body("images.size()", equalTo(0));
    }

    @Test
    void aLeadImageNamesAnImageOrAUrl() {
        Map<String, Object> body = new HashMap<>();
        body.put("headline", "No such image");
        body.put("body", Map.of("html", "<p>Text.</p>"));
        body.put("leadImage", Map.of("imageId", "01a24c35-96fe-7608-a96a-730efe6eb6fa", "alt", "Nothing"));
        keys.asEditor().contentType(ContentType.JSON).body(body).post("/v1/articles")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("leadImage.imageId"));
        body.put("leadImage", Map.of("alt", "Nothing"));
        keys.asEditor().contentType(ContentType.JSON).body(body).post("/v1/articles")
                .then().statusCode(400).body("errors[0].field", equalTo("leadImage.url"));
    }
}
