package news.dispatch.byline;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import news.dispatch.article.Article;
import news.dispatch.article.ArticleStatus;
import news.dispatch.article.BylineRole;
import news.dispatch.section.Section;
import news.dispatch.testsupport.Fixtures;
import news.dispatch.testsupport.Pages;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class BylineResourceTest {

    static final Instant T = Instant.parse("2021-07-10T09:30:00Z");

    @Inject
    Fixtures fixtures;

    static String prefix() {
        return Fixtures.unique("bq");
    }

    @Nested
    class ListBylines {

        @Test
        void listsByNameWithProfiles() {
            String p = prefix();
            Byline zed = fixtures.byline(p + " Zed", BylineKind.PERSON);
            Byline agency = fixtures.byline(p + " agency", BylineKind.ORGANISATION, b -> {
                b.title = "News agency";
                b.bio = "Kurdistan news.";
                b.avatarUrl = "https://www.example.com/media/esta.png";
                b.links.add(new BylineLink("Website", "https://esta.example"));
                b.links.add(new BylineLink("X", "https://x.example/esta"));
            });

            given().queryParam("q", p).get("/v1/bylines")
                    .then().statusCode(200)
                    .contentType("application/json")
                    .body("items.slug", contains(agency.slug, zed.slug))
                    .body("items[0].id", equalTo(agency.id.toString()))
                    .body("items[0].name", equalTo(p + " agency"))
                    .body("items[0].kind", equalTo("organisation"))
                    .body("items[0].title", equalTo("News agency"))
                    .body("items[0].bio", equalTo("Kurdistan news."))
                    .body("items[0].avatarUrl", equalTo("https://www.example.com/media/esta.png"))
                    .body("items[0].links.title", contains("Website", "X"))
                    .body("items[0].links.url", contains("https://esta.example", "https://x.example/esta"))
                    .body("items[1].links", empty())
                    .body("items[1].title", nullValue())
                    .body("page.next", nullValue());
        }

        @Test
        void filtersByKindAndNamePrefix() {
            String p = prefix();
            Byline person = fixtures.byline(p + " Jane Doe", BylineKind.PERSON);
            Byline org = fixtures.byline(p + " Jane Agency", BylineKind.ORGANISATION);
            fixtures.byline(p + " John", BylineKind.PERSON);

            given().queryParam("q", p + " JANE").get("/v1/bylines")
                    .then().statusCode(200).body("items.slug", contains(org.slug, person.slug));
            given().queryParam("q", p).queryParam("kind", "person").queryParam("count", "true").get("/v1/bylines")
                    .then().statusCode(200).body("items", hasSize(2)).body("page.total", equalTo(2));
            given().queryParam("q", p + " jane").queryParam("kind", "organisation").get("/v1/bylines")
                    .then().statusCode(200).body("items.slug", contains(org.slug));
            given().queryParam("q", p + "%").get("/v1/bylines")
                    .then().statusCode(200).body("items", empty());
        }

        @Test
        void pagesByNameAcrossEqualNames() {
            String p = prefix();
            List<String> expected = new ArrayList<>();
            expected.add(fixtures.byline(p + " A", BylineKind.PERSON).slug);
            List<String> same = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                same.add(fixtures.byline(p + " Same", BylineKind.PERSON).slug);
            }
            same.sort(null);
            expected.addAll(same);

            for (int limit = 1; limit <= 5; limit++) {
                assertThat(Pages.walk("/v1/bylines", Map.of("q", p, "limit", limit))).as("limit %d", limit)
                        .containsExactlyElementsOf(expected);
            }
        }

        @ParameterizedTest
        @CsvSource(delimiter = ';', quoteCharacter = '"', value = {
                "kind;agency;must be person or organisation",
                "q;x;ok",
                "limit;-3;must be a whole number from 1 to 100",
                "count;True;must be true or false",
                "cursor;c1.x.y.z;is not a cursor this API issued",
                "type;person;\"unknown query parameter; allowed: count, cursor, kind, limit, q\""})
        void refusesBadParameters(String name, String value, String message) {
            if (message.equals("ok")) {
                given().queryParam(name, value).get("/v1/bylines").then().statusCode(200);
                given().queryParam(name, "x".repeat(101)).get("/v1/bylines")
                        .then().statusCode(400).body("errors[0].message", equalTo("must be 1 to 100 characters"));
                return;
            }
            given().queryParam(name, value).get("/v1/bylines")
                    .then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors", hasSize(1))
                    .body("errors[0].field", equalTo(name))
                    .body("errors[0].message", equalTo(message));
        }
    }

    @Nested
    class GetByline {

        @Test
        void showsABylineBySlugOrId() {
            Byline b = fixtures.byline("Jane Doe", BylineKind.PERSON, x -> {
                x.title = "Correspondent";
                x.bio = "Covers Iraq.";
                x.links.add(new BylineLink("Website", "https://jane.example"));
            });
            for (String key : List.of(b.slug, b.id.toString())) {
                given().get("/v1/bylines/" + key)
                        .then().statusCode(200)
                        .body("id", equalTo(b.id.toString()))
                        .body("slug", equalTo(b.slug))
                        .body("name", equalTo("Jane Doe"))
                        .body("kind", equalTo("person"))
                        .body("title", equalTo("Correspondent"))
                        .body("bio", equalTo("Covers Iraq."))
                        .body("$", hasKey("avatarUrl"))
                        .body("links[0].url", equalTo("https://jane.example"))
                        .body("updatedAt", notNullValue())
                        .header("ETag", notNullValue())
                        .header("Last-Modified", notNullValue());
            }
        }

        @Test
        void anUnknownBylineIsNotFound() {
            given().get("/v1/bylines/nobody-at-all")
                    .then().statusCode(404).contentType("application/problem+json")
                    .body("detail", equalTo("No byline 'nobody-at-all'."));
        }
    }

    @Nested
    class BylineArticles {

        @Test
        void listsThePublishedArticlesCreditedToTheByline() {
            Section section = fixtures.section("World");
            Byline b = fixtures.byline("Jane Doe", BylineKind.PERSON);
            Byline other = fixtures.byline("Other", BylineKind.PERSON);
            Article older = fixtures.article("Older").section(section).publishedAt(T).byline(b, BylineRole.AUTHOR).save();
            Article newer = fixtures.article("Newer").publishedAt(T.plusSeconds(5)).byline(other, BylineRole.AUTHOR)
                    .byline(b, BylineRole.CONTRIBUTOR).save();
            fixtures.article("Draft").status(ArticleStatus.DRAFT).publishedAt(T).byline(b, BylineRole.AUTHOR).save();
            fixtures.article("Deleted").publishedAt(T).byline(b, BylineRole.AUTHOR).deleted().save();
            fixtures.article("Not hers").publishedAt(T).byline(other, BylineRole.AUTHOR).save();

            given().get("/v1/bylines/" + b.slug + "/articles")
                    .then().statusCode(200)
                    .body("items.slug", contains(newer.slug, older.slug))
                    .body("items[0].bylines.role", contains("author", "contributor"))
                    .body("items[0]", not(hasKey("body")));
            given().queryParam("section", section.slug).queryParam("count", "true").get("/v1/bylines/" + b.id + "/articles")
                    .then().statusCode(200).body("items.slug", contains(older.slug)).body("page.total", equalTo(1));
            given().queryParam("sort", "publishedAt").queryParam("limit", "1").get("/v1/bylines/" + b.slug + "/articles")
                    .then().statusCode(200).body("items.slug", contains(older.slug)).header("Link", notNullValue());
            given().queryParam("byline", other.slug).get("/v1/bylines/" + b.slug + "/articles")
                    .then().statusCode(200).body("items", empty());
        }

        @Test
        void anUnknownBylineIsNotFoundAndABadParameterIsRefused() {
            given().get("/v1/bylines/nobody-at-all/articles").then().statusCode(404).contentType("application/problem+json");
            Byline b = fixtures.byline("Jane Doe", BylineKind.PERSON);
            given().queryParam("sort", "name").get("/v1/bylines/" + b.slug + "/articles")
                    .then().statusCode(400).body("errors[0].field", equalTo("sort"));
            given().queryParam("kind", "person").get("/v1/bylines/" + b.slug + "/articles")
                    .then().statusCode(400).body("errors[0].field", equalTo("kind"));
        }
    }
}
