package news.dispatch.article;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import news.dispatch.testsupport.Fixtures;
import news.dispatch.testsupport.TestKeys;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

/** {@code Accept-Language} chooses the language of article lists that do not say {@code lang} (decision 133), over HTTP. */
@QuarkusTest
class ListLanguageTest {

    @Inject
    TestKeys keys;

    private String section;
    private String marker;

    @BeforeEach
    void stories() {
        marker = Fixtures.unique("ll").replace("-", "");
        section = keys.asEditor().contentType(ContentType.JSON)
                .body(Map.of("name", "Languages " + marker, "slug", "languages-" + marker))
                .post("/v1/sections").then().statusCode(201).extract().path("slug");
        for (String[] story : List.of(new String[] {"Kurdistan votes " + marker, "en"},
                new String[] {"هەڵبژاردنی کوردستان " + marker, "ckb"},
                new String[] {"Hilbijartina Kurdistanê " + marker, "kmr"},
                new String[] {"انتخابات كردستان " + marker, "ar"})) {
            keys.asEditor().contentType(ContentType.JSON)
                    .body(Map.of("headline", story[0], "body", Map.of("html", "<p>" + marker + "</p>"), "language", story[1],
                            "status", "published", "section", section))
                    .post("/v1/articles").then().statusCode(201);
        }
    }

    private String list() {
        return "/v1/sections/" + section + "/articles";
    }

    @Test
    void theHeaderChoosesThePublishedLanguageItAsksFor() {
        for (int i = 0; i < 2; i++) { // computed, then answered from the application cache
            given().header("Accept-Language", "ckb").get(list()).then().statusCode(200)
                    .body("items.language", everyItem(equalTo("ckb"))).body("items.size()", equalTo(1))
                    .header("Content-Language", "ckb")
                    .header("Vary", containsString("Accept-Language"));
        }
        // a browser's header: ranges by weight, each cut back to what is published
        given().header("Accept-Language", "de-DE,en-US;q=0.9,en;q=0.8").get(list()).then().statusCode(200)
                .body("items.language", everyItem(equalTo("en"))).header("Content-Language", "en");
        given().header("Accept-Language", "ar-IQ").get(list()).then().statusCode(200)
                .body("items.language", everyItem(equalTo("ar")));
        // Kurdish as phones name it: by script or region
        given().header("Accept-Language", "ku-Arab-IQ").get(list()).then().body("items.language", everyItem(equalTo("ckb")));
        given().header("Accept-Language", "ku").get(list()).then().body("items.language", everyItem(equalTo("kmr")));
        // a refused language is never chosen, whatever its place
        given().header("Accept-Language", "en;q=0, ar;q=0.5").get(list()).then().body("items.language", everyItem(equalTo("ar")));
    }

    @Test
    void withoutAUsableHeaderTheListKeepsEveryLanguageAndStillVaries() {
        for (String header : new String[] {null, "de", "*", "en;q=0", ";;;=", "x-".repeat(600)}) {
            var request = given();
            if (header != null) {
                request.header("Accept-Language", header);
            }
            request.get(list()).then().statusCode(200)
                    .body("items.language", hasItems("en", "ckb", "kmr", "ar"))
                    .header("Content-Language", nullValue())
                    .header("Vary", containsString("Accept-Language"));
        }
    }

    @Test
    void theParameterWinsAndDoesNotVary() {
        given().header("Accept-Language", "ckb").queryParam("lang", "en").get(list()).then().statusCode(200)
                .body("items.language", everyItem(equalTo("en")))
                .header("Vary", not(containsString("Accept-Language")));
        // escapes (characters a URI may not hold, sent raw: HttpHardeningTest)
        given().urlEncodingEnabled(false).header("Accept-Language", "ckb").get(list() + "?fields=headline,language&q=%7C").then()
                .statusCode(400);
        // an escaped name is the same parameter
        given().urlEncodingEnabled(false).header("Accept-Language", "ckb").get(list() + "?l%61ng=ar").then().statusCode(200)
                .body("items.language", everyItem(equalTo("ar")));
    }

    @Test
    void aChosenLanguageAndItsParameterShareOneAnswerAndItsNextPage() {
        String byHeader = given().header("Accept-Language", "kmr").queryParam("limit", 1).get("/v1/articles")
                .then().statusCode(200).body("items.language", everyItem(equalTo("kmr"))).extract().header("ETag");
        String byParameter = given().queryParam("lang", "kmr").queryParam("limit", 1).get("/v1/articles")
                .then().statusCode(200).extract().header("ETag");
        org.junit.jupiter.api.Assertions.assertEquals(byParameter, byHeader);
        // 304 from the header's request too, still naming the header in Vary
        given().header("Accept-Language", "kmr").header("If-None-Match", byHeader).queryParam("limit", 1).get("/v1/articles")
                .then().statusCode(304).header("Vary", containsString("Accept-Language"));
        // the next page keeps the language whatever the next request's header says
        given().header("Accept-Language", "kmr").queryParam("limit", 1).get("/v1/articles")
                .then().header("Link", containsString("lang=kmr"));
        // an answer for one header is never served for another
        given().queryParam("limit", 50).get("/v1/articles").then().statusCode(200)
                .body("items.language", hasItem(not(equalTo("kmr"))));
    }

    @Test
    void searchFollowsTheHeaderButSingleArticlesAndFeedsDoNot() {
        given().header("Accept-Language", "ar").queryParam("q", marker).get("/v1/search").then().statusCode(200)
                .body("items.article.language", everyItem(equalTo("ar"))).body("items.size()", equalTo(1))
                .header("Vary", containsString("Accept-Language"));
        given().header("Accept-Language", "ckb").get("/v1/most-read").then().statusCode(200)
                .header("Content-Language", "ckb").header("Vary", containsString("Accept-Language"));
        given().header("Accept-Language", "ckb").get("/v1/feeds/latest.rss").then().statusCode(200)
                .header("Vary", not(containsString("Accept-Language")));
        // a batch read names its articles: it shows them whatever their language
        given().header("Accept-Language", "ckb").queryParam("ids", "does-not-exist").get("/v1/articles").then().statusCode(200)
                .header("Vary", not(containsString("Accept-Language")));
        given().header("Accept-Language", "ckb").get("/v1/changes").then()
                .header("Vary", not(containsString("Accept-Language")));
    }
}
