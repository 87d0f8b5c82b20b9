package news.dispatch.sample;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import news.dispatch.testsupport.FreshDatabaseProfile;
import news.dispatch.testsupport.TestKeys;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The sample content, loaded at start into an empty database, is the outlet's page, faithfully. */
@QuarkusTest
@TestProfile(SampleContentTest.WithSampleContent.class)
public class SampleContentTest {

    static final String SLUG = "iraqi-prime-minister-to-meet-biden-in-washington-this-month";

    public static class WithSampleContent extends FreshDatabaseProfile {
        @Override
        protected Map<String, String> extra() {
            return Map.of("dispatch.sample.load", "true");
        }
    }

    @Inject
    SampleLoader loader;
    @Inject
    TestKeys keys;

    @Test
    void servesTheSampleArticleAsPublished() {
        JsonPath article = given().when().get("/v1/articles/" + SLUG)
                .then().statusCode(200)
                .body("headline", equalTo("Iraqi prime minister to meet Biden in Washington this month"))
                .body("status", equalTo("published"))
                .body("dateline.place", equalTo("SULAIMANI"))
                .body("dateline.source", equalTo("ESTA"))
                .body("leadImage.caption", equalTo("Iraqi Prime Minister Mustafa al-Kadhimi"))
                .body("leadImage.credit", equalTo("PM office"))
                .body("leadImage.filePhoto", equalTo(true))
                .body("bylines[0].slug", equalTo("esta"))
                .body("bylines[0].name", equalTo("ESTA"))
                .body("bylines[0].kind", equalTo("organisation"))
                .body("bylines[0].role", equalTo("agency"))
                .body("section.slug", not(nullValue()))
                .body("tags.slug", hasItems("mustafa-al-kadhimi", "joe-biden", "iraq", "united-states", "washington",
                        "pentagon", "islamic-state", "jim-inhofe"))
                .extract().jsonPath();

        // Every paragraph of the page's body, the quotation included, in order (the dateline is its own field).
        Path page = Path.of("..", "shared", "sample", "esta-kadhimi-biden-visit.txt");
        assumeTrue(Files.exists(page), "the outlet's page is in ../shared/sample beside the clone");
        List<String> expected = pageParagraphs(page);
        assertThat(article.getString("body.text").split("\n\n")).containsExactlyElementsOf(expected);
        assertThat(article.getString("body.html")).contains("<p>“Iran-backed militias’ continued assault");
        assertThat(article.getInt("wordCount")).isEqualTo(
                expected.stream().mapToInt(p -> p.split("\\s+").length).sum());
    }

    @Test
    void theSampleStoryIsAlsoInSoraniAndArabic() {
        given().when().get("/v1/articles/" + SLUG).then().statusCode(200)
                .body("direction", equalTo("ltr"))
                .body("translations.language", org.hamcrest.Matchers.contains("ar", "ckb"))
                .body("translations.slug", org.hamcrest.Matchers.contains(
                        "ris-al-uzra-al-araqi-yltqi-baydn-fi-washntn-hdha-al-shhr",
                        "serok-wezirani-eraq-em-mange-le-wasnitin-legel-baydin-kodebetewe"));
        given().when().get("/v1/articles/serok-wezirani-eraq-em-mange-le-wasnitin-legel-baydin-kodebetewe").then()
                .statusCode(200).body("language", equalTo("ckb")).body("direction", equalTo("rtl"))
                .body("tags.direction", hasItems("rtl")).body("bylines[0].slug", equalTo("ajansi-esta"))
                .body("translations.find { it.original }.slug", equalTo(SLUG));
        given().when().get("/v1/tags/herema-kurdistane").then().statusCode(200).body("direction", equalTo("ltr"));
        // an Arabic keyboard's kaf and yeh, and the Latin spelling, find the Sorani version
        given().queryParam("q", "كازمي").queryParam("lang", "ckb").when().get("/v1/search").then().statusCode(200)
                .body("items.slug", org.hamcrest.Matchers.contains("serok-wezirani-eraq-em-mange-le-wasnitin-legel-baydin-kodebetewe"));
        given().queryParam("q", "kazmi").when().get("/v1/search").then().statusCode(200)
                .body("items.slug", org.hamcrest.Matchers.contains("serok-wezirani-eraq-em-mange-le-wasnitin-legel-baydin-kodebetewe"));
    }

    @Test
    void navigationAndRelatedAreThePagesLinks() {
        given().when().get("/v1/articles/" + SLUG)
                .then().statusCode(200)
                .body("navigation.previous.headline", equalTo("No injuries, damage in attack against U.S. troops in Syria: official"))
                .body("navigation.next.headline", equalTo("Iraq warns Iran over water, says to resort to int. community to secure rights"))
                .body("related.size()", equalTo(5))
                .body("related[0].relation", equalTo("background"))
                .body("related[1].relation", equalTo("related"));
    }

    @Test
    void loadsOnlyIntoAnEmptyDatabase() {
        assertThat(loader.loadIfEmpty()).isFalse();
        given().queryParam("count", "true").when().get("/v1/articles")
                .then().statusCode(200).body("page.total", equalTo(9)); // with the live blog (news.dispatch.live)
    }

    @Test
    void aPartnerCopyBuiltFromTheChangeFeedHoldsTheSample() {
        // The partner's side: a copy keyed by article id, from nothing but the feed, from its beginning.
        Map<String, String> copy = new java.util.HashMap<>();
        List<String> types = new java.util.ArrayList<>();
        String cursor = null;
        while (true) {
            var request = keys.asPartner().queryParam("limit", 4);
            if (cursor != null) {
                request.queryParam("since", cursor);
            }
            JsonPath page = request.get("/v1/changes").then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> items = page.getList("items");
            for (Map<String, Object> item : items) {
                if ("front".equals(item.get("type"))) {
                    continue; // the sample's home front (decision 153): not an article
                }
                types.add((String) item.get("type"));
                if ((Boolean) item.get("visible")) {
                    copy.put((String) item.get("id"), (String) item.get("slug"));
                } else {
                    copy.remove((String) item.get("id"));
                }
            }
            cursor = page.getString("next");
            if (items.isEmpty()) {
                break;
            }
        }
        assertThat(types).hasSize(10).containsOnly("publish", "alert"); // with the live blog and its alert
        assertThat(copy).containsValue(SLUG);

        // ... equal to what the partner may take, and each story answers to its id.
        JsonPath list = keys.asPartner().queryParam("limit", 100).get("/v1/articles").then().statusCode(200)
                .extract().jsonPath();
        Map<String, String> visible = new java.util.HashMap<>();
        List<Map<String, Object>> items = list.getList("items");
        items.forEach(i -> visible.put((String) i.get("id"), (String) i.get("slug")));
        assertThat(copy).isEqualTo(visible);
        copy.forEach((id, slug) -> keys.asPartner().get("/v1/articles/" + id).then().statusCode(200)
                .body("slug", equalTo(slug)));
    }

    /** The body paragraphs of the outlet's page: after the dateline, up to "Previous Article". */
    private static List<String> pageParagraphs(Path file) {
        try {
            String page = Files.readString(file, StandardCharsets.UTF_8);
            List<String> paragraphs = Arrays.stream(page.split("\n")).map(String::trim).filter(s -> !s.isEmpty()).toList();
            int start = 0;
            while (!paragraphs.get(start).startsWith("SULAIMANI (ESTA)")) {
                start++;
            }
            int end = paragraphs.indexOf("Previous Article");
            List<String> body = new java.util.ArrayList<>(paragraphs.subList(start, end));
            body.set(0, body.get(0).substring(body.get(0).indexOf('—') + 1).trim());
            return body;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
