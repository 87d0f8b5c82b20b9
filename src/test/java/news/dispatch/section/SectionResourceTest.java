package news.dispatch.section;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import news.dispatch.article.Article;
import news.dispatch.article.ArticleStatus;
import news.dispatch.tag.Tag;
import news.dispatch.tag.TagType;
import news.dispatch.testsupport.Fixtures;
import news.dispatch.testsupport.Pages;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
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

@QuarkusTest
class SectionResourceTest {

    static final Instant T = Instant.parse("2021-07-10T09:30:00Z");

    @Inject
    Fixtures fixtures;

    @Nested
    class ListSections {

        @Test
        void listsEverySectionOnceInDisplayOrder() {
            // The list has no filter, so other tests' sections are in it too: check the relative order of ours.
            Section third = fixtures.section("Zulu", s -> s.position = 3);
            Section firstB = fixtures.section("Bravo", s -> s.position = 1);
            Section firstA = fixtures.section("Alpha", s -> s.position = 1);
            Section second = fixtures.section("Mike", s -> {
                s.position = 2;
                s.description = "The middle one";
            });

            int total = given().queryParam("count", "true").queryParam("limit", "1").get("/v1/sections")
                    .then().statusCode(200).body("items", hasSize(1)).extract().path("page.total");
            for (int limit : new int[]{3, 100}) {
                List<String> all = Pages.walk("/v1/sections", Map.of("limit", limit));
                assertThat(all).doesNotHaveDuplicates().hasSizeGreaterThanOrEqualTo(total)
                        .containsSubsequence(firstA.slug, firstB.slug, second.slug, third.slug);
            }

            Map<String, Object> mike = null;
            String cursor = null;
            do {
                var request = given().queryParam("limit", "100");
                if (cursor != null) {
                    request.queryParam("cursor", cursor);
                }
                var page = request.get("/v1/sections").then().statusCode(200).contentType("application/json").extract().jsonPath();
                List<Map<String, Object>> items = page.getList("items");
                mike = items.stream().filter(i -> second.slug.equals(i.get("slug"))).findFirst().orElse(mike);
                cursor = page.getString("page.next");
            } while (cursor != null);
            assertThat(mike).containsEntry("name", "Mike").containsEntry("description", "The middle one")
                    .containsEntry("position", 2).containsEntry("id", second.id.toString()).containsKey("updatedAt");
        }

        @ParameterizedTest
        @CsvSource(delimiter = ';', quoteCharacter = '"', value = {
                "limit;101;must be a whole number from 1 to 100",
                "count;no;must be true or false",
                "cursor;abc;is not a cursor this API issued",
                "q;world;\"unknown query parameter; allowed: count, cursor, limit\""})
        void refusesBadParameters(String name, String value, String message) {
            given().queryParam(name, value).get("/v1/sections")
                    .then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors", hasSize(1))
                    .body("errors[0].field", equalTo(name))
                    .body("errors[0].message", equalTo(message));
        }

        @Test
        void refusesACursorWhosePositionIsNotANumber() {
            String forged = new news.dispatch.web.Cursor("position", "first", "slug").encode();
            given().queryParam("cursor", forged).get("/v1/sections")
                    .then().statusCode(400).body("errors[0].field", equalTo("cursor"));
        }
    }

    @Nested
    class GetSection {

        @Test
        void showsASectionBySlugOrId() {
            Section s = fixtures.section("Politics", x -> {
                x.position = 4;
                x.description = "Iraqi and Kurdish politics";
            });
            for (String key : List.of(s.slug, s.id.toString())) {
                given().get("/v1/sections/" + key)
                        .then().statusCode(200)
                        .body("id", equalTo(s.id.toString()))
                        .body("slug", equalTo(s.slug))
                        .body("name", equalTo("Politics"))
                        .body("description", equalTo("Iraqi and Kurdish politics"))
                        .body("position", equalTo(4))
                        .body("updatedAt", notNullValue())
                        .header("ETag", notNullValue())
                        .header("Last-Modified", notNullValue());
            }
        }

        @Test
        void anUnknownSectionIsNotFound() {
            given().get("/v1/sections/no-such-section")
                    .then().statusCode(404).contentType("application/problem+json")
                    .body("detail", equalTo("No section 'no-such-section'."));
        }
    }

    @Nested
    class SectionArticles {

        @Test
        void listsThePublishedArticlesOfTheSection() {
            Section section = fixtures.section("World");
            Section other = fixtures.section("Sport");
            Tag tag = fixtures.tag("Iraq", TagType.PLACE);
            Article older = fixtures.article("Older").section(section).publishedAt(T).tags(tag).save();
            Article newer = fixtures.article("Newer").section(section).publishedAt(T.plusSeconds(5)).save();
            fixtures.article("Draft").section(section).status(ArticleStatus.DRAFT).publishedAt(T).save();
            fixtures.article("Deleted").section(section).publishedAt(T).deleted().save();
            fixtures.article("Elsewhere").section(other).publishedAt(T).save();

            given().get("/v1/sections/" + section.slug + "/articles")
                    .then().statusCode(200)
                    .body("items.slug", contains(newer.slug, older.slug))
                    .body("items[0].section.slug", equalTo(section.slug))
                    .body("items[0]", not(hasKey("body")));
            given().queryParam("tag", tag.slug).queryParam("count", "true").get("/v1/sections/" + section.id + "/articles")
                    .then().statusCode(200).body("items.slug", contains(older.slug)).body("page.total", equalTo(1));
            given().queryParam("section", section.slug).get("/v1/sections/" + section.slug + "/articles")
                    .then().statusCode(200).body("items", hasSize(2));
            given().queryParam("section", other.slug).queryParam("count", "true").get("/v1/sections/" + section.slug + "/articles")
                    .then().statusCode(200).body("items", empty()).body("page.total", equalTo(0));
            assertThat(Pages.walk("/v1/sections/" + section.slug + "/articles", Map.of("limit", 1, "sort", "publishedAt")))
                    .containsExactly(older.slug, newer.slug);
        }

        @Test
        void anUnknownSectionIsNotFoundAndABadParameterIsRefused() {
            given().get("/v1/sections/no-such-section/articles").then().statusCode(404).contentType("application/problem+json");
            Section section = fixtures.section("World");
            given().queryParam("lang", "??").get("/v1/sections/" + section.slug + "/articles")
                    .then().statusCode(400).body("errors[0].field", equalTo("lang"));
        }
    }
}
