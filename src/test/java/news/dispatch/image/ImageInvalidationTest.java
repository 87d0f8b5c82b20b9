package news.dispatch.image;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import news.dispatch.cache.ContentCache;
import news.dispatch.section.Section;
import news.dispatch.testsupport.Fixtures;
import news.dispatch.testsupport.TestKeys;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * An image write drops what shows the image, and only that (decision 170): its articles (lead or inline), the lists
 * and feeds that show them; an answer computed before the write is never served after it.
 */
@QuarkusTest
class ImageInvalidationTest {

    @Inject
    TestKeys keys;

    @Inject
    Fixtures fixtures;

    @Inject
    ContentCache cache;

    private boolean cached(String path) {
        return cache.find(path + "?") != null;
    }

    /** Nothing computed before invalidation number {@code before} is cached for the path: dropped, or computed again since. */
    private boolean nothingOlder(String path, long before) {
        ContentCache.Entry entry = cache.find(path + "?");
        return entry == null || entry.sequence() > before;
    }

    private String upload(String caption, boolean syndicated) {
        byte[] jpeg = ImageResourceTest.encode(ImageResourceTest.halves(640, 480, java.awt.Color.BLUE, java.awt.Color.ORANGE), "jpg");
        return keys.asEditor().contentType("image/jpeg").body(jpeg).queryParam("caption", caption)
                .queryParam("syndicationAllowed", String.valueOf(syndicated))
                .post("/v1/images").then().statusCode(201).extract().path("id");
    }

    private String publish(Section section, String leadImageId, String html) {
        Map<String, Object> body = new HashMap<>();
        body.put("headline", Fixtures.unique("Images and the cache"));
        body.put("body", Map.of("html", html));
        body.put("section", section.slug);
        body.put("status", "published");
        if (leadImageId != null) {
            body.put("leadImage", Map.of("imageId", leadImageId, "alt", "A picture"));
        }
        return keys.asEditor().contentType(ContentType.JSON).body(body).post("/v1/articles")
                .then().statusCode(201).extract().path("slug");
    }

    private void patch(String image, Map<String, Object> change) {
        String etag = keys.asEditor().get("/v1/images/" + image).then().statusCode(200).extract().header("ETag");
        keys.asEditor().header("If-Match", etag).contentType("application/merge-patch+json").body(change)
                .patch("/v1/images/" + image).then().statusCode(200);
    }

    @Test
    void anImageEditDropsWhatShowsTheImageAndNothingElse() {
        Section section = fixtures.section(Fixtures.unique("Pictures"));
        Section other = fixtures.section(Fixtures.unique("Elsewhere"));
        String image = upload("The caption before", true);
        String lead = "/v1/articles/" + publish(section, image, "<p>Text.</p>");
        String inline = "/v1/articles/" + publish(section, null, "<p>Before.</p><figure><img data-image-id=\"" + image
                + "\" alt=\"\"></figure>");
        String elsewhere = "/v1/articles/" + publish(other, null, "<p>Nothing to see.</p>");
        String list = "/v1/sections/" + section.slug + "/articles";
        String otherList = "/v1/sections/" + other.slug + "/articles";
        for (String path : List.of(lead, inline, elsewhere, list, otherList)) {
            given().get(path).then().statusCode(200);
            assertThat(cached(path)).as(path).isTrue();
        }
        assertThat(given().get(lead).header("Surrogate-Key").split(" ")).contains("image-" + image);
        assertThat(given().get(inline).header("Surrogate-Key").split(" ")).contains("image-" + image);

        long before = cache.generation();
        patch(image, Map.of("caption", "The caption after", "alt", "New alt"));

        assertThat(nothingOlder(lead, before)).as("its lead image").isTrue();
        assertThat(nothingOlder(inline, before)).as("its body shows it").isTrue();
        assertThat(cached(list)).as("a list showing it as a lead image").isFalse();
        assertThat(cached(elsewhere)).as("an article that does not show it stays cached").isTrue();
        assertThat(cached(otherList)).as("a list that does not show it stays cached").isTrue();
        given().get(lead).then().body("leadImage.caption", equalTo("The caption after"));
        given().get(inline).then().body("images[0].caption", equalTo("The caption after"))
                .body("images[0].alt", equalTo("New alt"));
        given().get(list).then().body("items.find { it.leadImage != null }.leadImage.caption", equalTo("The caption after"));
    }

    @Test
    void afterAnImageEditEveryPublicReadShowsIt() throws Exception {
        Section section = fixtures.section(Fixtures.unique("Pictures"));
        String image = upload("Version 0", true);
        String article = "/v1/articles/" + publish(section, image, "<p>Text.</p>");
        AtomicBoolean running = new AtomicBoolean(true);
        ExecutorService readers = Executors.newFixedThreadPool(3);
        List<Future<?>> done = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            done.add(readers.submit(() -> {
                while (running.get()) {
                    given().get(article).then().statusCode(200);
                }
            }));
        }
        try {
            for (int version = 1; version <= 15; version++) {
                patch(image, Map.of("caption", "Version " + version));
                given().get(article).then().body("leadImage.caption", equalTo("Version " + version));
                given().get("/v1/sections/" + section.slug + "/articles").then()
                        .body("items[0].leadImage.caption", equalTo("Version " + version));
            }
        } finally {
            running.set(false);
            readers.shutdown();
            assertThat(readers.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        }
        for (Future<?> f : done) {
            f.get();
        }
    }

    @Inject
    jakarta.persistence.EntityManager em;

    @Test
    void anImageWrittenByAnotherInstanceShowsOnceItsKeyIsInvalidatedHere() {
        Section section = fixtures.section(Fixtures.unique("Pictures"));
        String image = upload("Written here", true);
        String article = "/v1/articles/" + publish(section, image, "<p>Text.</p>");
        given().get(article).then().body("leadImage.caption", equalTo("Written here"));
        // another instance's write: the row changes, nothing here hears of it until its notification arrives
        io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                        "update image set caption = 'Written elsewhere', version = version + 1 where id = :id")
                .setParameter("id", java.util.UUID.fromString(image)).executeUpdate());
        cache.invalidate(java.util.Set.of("unrelated-key"));
        given().get(article).then().body("leadImage.caption", equalTo("Written here"));
        // what PurgeBroadcast does with the notification (decision 087): the image's details go before the answers
        cache.invalidate(java.util.Set.of("image-" + image));
        given().get(article).then().body("leadImage.caption", equalTo("Written elsewhere"));
    }

    @Test
    void aDeletedImageLeavesTheArticlesThatShowedItInline() {
        Section section = fixtures.section(Fixtures.unique("Pictures"));
        String image = upload("Soon gone", true);
        String inline = "/v1/articles/" + publish(section, null, "<figure><img data-image-id=\"" + image + "\" alt=\"x\"></figure>");
        given().get(inline).then().body("images[0].imageId", equalTo(image));
        String rendition = given().get(inline).path("images[0].renditions[0].sizes[0].jpeg");
        String path = rendition.substring(rendition.indexOf("/v1/"));
        assertThat(given().get(path).then().statusCode(200).extract().header("Surrogate-Key")).isEqualTo("renditions-" + image);
        String etag = keys.asEditor().get("/v1/images/" + image).header("ETag");
        long before = cache.generation();
        keys.asEditor().header("If-Match", etag).delete("/v1/images/" + image).then().statusCode(204);
        assertThat(nothingOlder(inline, before)).isTrue();
        given().get(inline).then().body("images.size()", equalTo(0));
        given().get(path).then().statusCode(404);
    }
}
