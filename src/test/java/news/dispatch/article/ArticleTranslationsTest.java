package news.dispatch.article;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import news.dispatch.testsupport.Fixtures;
import news.dispatch.testsupport.TestKeys;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

/** Versions of a story in other languages, slugs in every script, and text direction, over HTTP. */
@QuarkusTest
class ArticleTranslationsTest {

    @Inject
    TestKeys keys;

    private Map<String, Object> article(String headline, String language, String translationOf) {
        Map<String, Object> body = new HashMap<>();
        body.put("headline", headline);
        body.put("body", Map.of("html", "<p>" + headline + "</p>"));
        body.put("language", language);
        body.put("status", "published");
        if (translationOf != null) {
            body.put("translationOf", translationOf);
        }
        return body;
    }

    private ExtractableResponse<Response> create(Map<String, Object> body) {
        return keys.asEditor().contentType(ContentType.JSON).body(body).when().post("/v1/articles")
                .then().statusCode(201).extract();
    }

    @Test
    void versionsInOtherLanguagesAreLinkedBothWays() {
        String u = Fixtures.unique("tr").replace("-", "");
        var english = create(article("Kurdistan votes for its parliament " + u, "en", null));
        var sorani = create(article("هەڵبژاردنی پەرلەمانی کوردستان " + u, "ckb", english.path("slug")));
        var arabic = create(article("انتخابات برلمان كردستان " + u, "ar", sorani.path("id")));

        // readable Latin slugs, made from the headline in its own script
        given().get("/v1/articles/" + sorani.path("slug")).then().statusCode(200)
                .body("slug", startsWith("helbijardini-perlemani-kurdistan-"))
                .body("language", equalTo("ckb")).body("direction", equalTo("rtl"))
                .body("translations.language", contains("ar", "en"))
                .body("translations.find { it.language == 'en' }.original", equalTo(true))
                .body("translations.find { it.language == 'en' }.slug", equalTo(english.path("slug")))
                .body("translations.find { it.language == 'ar' }.direction", equalTo("rtl"))
                .body("translations.find { it.language == 'ar' }.url", equalTo(arabic.path("url")));
        given().get("/v1/articles/" + english.path("slug")).then().statusCode(200)
                .body("direction", equalTo("ltr"))
                .body("translations.language", contains("ar", "ckb"))
                .body("translations.headline", contains("انتخابات برلمان كردستان " + u, "هەڵبژاردنی پەرلەمانی کوردستان " + u));
        given().get("/v1/articles/" + arabic.path("slug")).then().statusCode(200)
                .body("slug", startsWith("antkhabat-brlman-krdstan-"))
                .body("translations.language", contains("ckb", "en"));
        // the CDN keys of an article name its translations: a write to one purges the others
        given().get("/v1/articles/" + english.path("slug")).then()
                .header("Surrogate-Key", org.hamcrest.Matchers.containsString("article-" + sorani.path("id")));
        // lists show them too, and fields can trim them away
        given().queryParam("lang", "ckb").queryParam("fields", "slug,translations").get("/v1/articles")
                .then().statusCode(200).body("items.find { it.slug == '" + sorani.path("slug") + "' }.translations", hasSize(2));

        // Content-Language: an article's own, also when answered from the cache; a list's when it is of one language
        for (int i = 0; i < 2; i++) {
            given().get("/v1/articles/" + sorani.path("slug")).then().statusCode(200).header("Content-Language", "ckb");
        }
        given().accept("application/ld+json").get("/v1/articles/" + arabic.path("slug")).then().header("Content-Language", "ar");
        given().accept("application/ninjs+json").get("/v1/articles/" + english.path("slug")).then().header("Content-Language", "en");
        for (int i = 0; i < 2; i++) {
            given().queryParam("lang", "ckb").get("/v1/articles").then().statusCode(200).header("Content-Language", "ckb");
            given().get("/v1/articles").then().statusCode(200).header("Content-Language", nullValue());
        }

        // schema.org: the original as translationOfWork of a translation, the others as workTranslation
        given().accept("application/ld+json").get("/v1/articles/" + sorani.path("slug")).then().statusCode(200)
                .body("inLanguage", equalTo("ckb"))
                .body("translationOfWork.inLanguage", equalTo("en"))
                .body("workTranslation.inLanguage", contains("ar"));
        given().accept("application/ld+json").get("/v1/articles/" + english.path("slug")).then().statusCode(200)
                .body("translationOfWork", nullValue())
                .body("workTranslation.inLanguage", contains("ar", "ckb"));
    }

    @Test
    void aLanguageIsInAGroupOnceAndWritesKeepTheGroupConsistent() {
        String u = Fixtures.unique("tg").replace("-", "");
        var english = create(article("Dam water talks " + u, "en", null));
        var sorani = create(article("گفتوگۆی ئاوی بەنداو " + u, "ckb", english.path("slug")));

        // a second Sorani version of the same story: 409, nothing written
        keys.asEditor().contentType(ContentType.JSON).body(article("دووەم " + u, "ckb", english.path("slug")))
                .post("/v1/articles").then().statusCode(409).contentType(startsWith("application/problem+json"));
        // an unknown article or the article itself: 400 on translationOf
        keys.asEditor().contentType(ContentType.JSON).body(article("x " + u, "ar", "no-such-article-" + u))
                .post("/v1/articles").then().statusCode(400).body("errors[0].field", equalTo("translationOf"));
        String soraniEtag = given().get("/v1/articles/" + sorani.path("slug")).then().extract().header("ETag");
        keys.asEditor().contentType("application/merge-patch+json").header("If-Match", soraniEtag)
                .body(Map.of("translationOf", sorani.path("slug"))).patch("/v1/articles/" + sorani.path("id"))
                .then().statusCode(400).body("errors[0].field", equalTo("translationOf"));
        // changing the language to one the group has: 409
        String englishEtag = given().get("/v1/articles/" + english.path("slug")).then().extract().header("ETag");
        keys.asEditor().contentType("application/merge-patch+json").header("If-Match", englishEtag)
                .body(Map.of("language", "ckb")).patch("/v1/articles/" + english.path("id")).then().statusCode(409);
        // a patch that does not name translationOf keeps the link
        keys.asEditor().contentType("application/merge-patch+json").header("If-Match", englishEtag)
                .body(Map.of("standfirst", "Talks on the dam.")).patch("/v1/articles/" + english.path("id"))
                .then().statusCode(200).body("translations.language", contains("ckb"));
        // "" leaves the group
        soraniEtag = given().get("/v1/articles/" + sorani.path("slug")).then().extract().header("ETag");
        keys.asEditor().contentType("application/merge-patch+json").header("If-Match", soraniEtag)
                .body(Map.of("translationOf", "")).patch("/v1/articles/" + sorani.path("id"))
                .then().statusCode(200).body("translations", empty());
        given().get("/v1/articles/" + english.path("slug")).then().body("translations", empty());
        // a deleted version leaves its group, so its language can be added again
        var again = create(article("گفتوگۆی ئاو " + u, "ckb", english.path("slug")));
        String againEtag = given().get("/v1/articles/" + again.path("slug")).then().extract().header("ETag");
        keys.asEditor().header("If-Match", againEtag).delete("/v1/articles/" + again.path("id")).then().statusCode(204);
        given().get("/v1/articles/" + english.path("slug")).then().body("translations", empty());
        create(article("گفتوگۆی ئاوی سێیەم " + u, "ckb", english.path("slug")));
    }

    @Test
    void tagsInRightToLeftScriptsSayWhichWayTheyRun() {
        String u = Fixtures.unique("dir").replace("-", "");
        keys.asEditor().contentType(ContentType.JSON).body(Map.of("name", "عێراق", "type", "place", "slug", "eraq-" + u))
                .post("/v1/tags").then().statusCode(201).body("direction", equalTo("rtl"));
        keys.asEditor().contentType(ContentType.JSON).body(Map.of("name", "Hewlêr " + u, "type", "place"))
                .post("/v1/tags").then().statusCode(201).body("direction", equalTo("ltr"));
        // a slug made from a Sorani name is readable Latin
        keys.asEditor().contentType(ContentType.JSON).body(Map.of("name", "سلێمانی " + u, "type", "place"))
                .post("/v1/tags").then().statusCode(201).body("slug", startsWith("silemani-")).body("direction", equalTo("rtl"));
    }
}
