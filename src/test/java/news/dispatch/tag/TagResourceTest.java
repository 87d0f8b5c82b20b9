package news.dispatch.tag;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import news.dispatch.article.Article;
import news.dispatch.article.ArticleStatus;
import news.dispatch.section.Section;
import news.dispatch.testsupport.Fixtures;
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
class TagResourceTest {

    static final Instant T = Instant.parse("2021-07-10T09:30:00Z");

    @Inject
    Fixtures fixtures;

    /** A unique name prefix, so a q= filter sees only this test's tags. */
    static String prefix() {
        return Fixtures.unique("tq");
    }

    static List<String> walk(Map<String, ?> params) {
        List<String> slugs = new ArrayList<>();
        String cursor = null;
        do {
            var request = given().queryParams(params);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            var r = request.get("/v1/tags").then().statusCode(200).extract().response();
            slugs.addAll(r.jsonPath().getList("items.slug"));
            cursor = r.jsonPath().getString("page.next");
        } while (cursor != null);
        return slugs;
    }

    @Nested
    class ListTags {

        @Test
        void listsByNameWithArticleCounts() {
            String p = prefix();
            Tag b = fixtures.tag(p + " Beta", TagType.TOPIC);
            Tag a = fixtures.tag(p + " alpha", TagType.PERSON, t -> t.description = "The first");
            Tag c = fixtures.tag(p + " Gamma", TagType.PLACE);
            fixtures.article("One").publishedAt(T).tags(a, b).save();
            fixtures.article("Two").publishedAt(T).tags(a).save();
            fixtures.article("Draft").status(ArticleStatus.DRAFT).publishedAt(T).tags(a, c).save();
            fixtures.article("Deleted").publishedAt(T).tags(a, c).deleted().save();

            given().queryParam("q", p).get("/v1/tags")
                    .then().statusCode(200)
                    .contentType("application/json")
                    .body("items.slug", contains(a.slug, b.slug, c.slug))
                    .body("items.articleCount", contains(2, 1, 0))
                    .body("items[0].id", equalTo(a.id.toString()))
                    .body("items[0].name", equalTo(p + " alpha"))
                    .body("items[0].type", equalTo("person"))
                    .body("items[0].description", equalTo("The first"))
                    .body("items[0].updatedAt", notNullValue())
                    .body("page.limit", equalTo(20))
                    .body("page.next", nullValue());
        }

        @Test
        void qIsACaseInsensitiveNamePrefixWithWildcardsTakenLiterally() {
            String p = prefix();
            Tag kadhimi = fixtures.tag(p + " Kadhimi", TagType.PERSON);
            fixtures.tag(p + " Biden", TagType.PERSON);
            fixtures.tag(p + "_x%", TagType.TOPIC);

            given().queryParam("q", p.toUpperCase() + " KAD").get("/v1/tags")
                    .then().statusCode(200).body("items.slug", contains(kadhimi.slug));
            given().queryParam("q", p + " %").get("/v1/tags")
                    .then().statusCode(200).body("items", empty());
            given().queryParam("q", p + "_").get("/v1/tags")
                    .then().statusCode(200).body("items", hasSize(1));
        }

        @Test
        void filtersByType() {
            String p = prefix();
            fixtures.tag(p + " Topic", TagType.TOPIC);
            Tag place = fixtures.tag(p + " Place", TagType.PLACE);
            Tag org = fixtures.tag(p + " Org", TagType.ORGANISATION);

            given().queryParam("q", p).queryParam("type", "place").get("/v1/tags")
                    .then().statusCode(200).body("items.slug", contains(place.slug));
            given().queryParam("q", p).queryParam("type", "organisation").queryParam("count", "true").get("/v1/tags")
                    .then().statusCode(200).body("items.slug", contains(org.slug)).body("page.total", equalTo(1));
        }

        @Test
        void sortsByArticleCountThenSlug() {
            String p = prefix();
            Tag none = fixtures.tag(p + " A none", TagType.TOPIC);
            Tag one = fixtures.tag(p + " B one", TagType.TOPIC);
            Tag two = fixtures.tag(p + " C two", TagType.TOPIC);
            Tag twoToo = fixtures.tag(p + " D two", TagType.TOPIC);
            fixtures.article("x").publishedAt(T).tags(two, twoToo, one).save();
            fixtures.article("y").publishedAt(T).tags(two, twoToo).save();

            List<String> expected = new ArrayList<>(List.of(two.slug, twoToo.slug));
            expected.sort(null);
            expected.add(one.slug);
            expected.add(none.slug);
            given().queryParam("q", p).queryParam("sort", "-articleCount").get("/v1/tags")
                    .then().statusCode(200)
                    .body("items.slug", contains(expected.toArray()))
                    .body("items.articleCount", contains(2, 2, 1, 0));
            for (int limit = 1; limit <= 4; limit++) {
                assertThat(walk(Map.of("q", p, "sort", "-articleCount", "limit", limit))).containsExactlyElementsOf(expected);
            }
        }

        @Test
        void pagesByNameAcrossEqualNames() {
            String p = prefix();
            List<Tag> made = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                made.add(fixtures.tag(p + " Same", TagType.TOPIC));
            }
            made.add(fixtures.tag(p + " Other", TagType.TOPIC));
            List<String> expected = new ArrayList<>();
            expected.add(made.get(5).slug);
            made.subList(0, 5).stream().map(t -> t.slug).sorted().forEach(expected::add);

            for (int limit = 1; limit <= 6; limit++) {
                assertThat(walk(Map.of("q", p, "limit", limit))).as("limit %d", limit).containsExactlyElementsOf(expected);
            }
            given().queryParam("q", p).queryParam("limit", "2").queryParam("count", "true").get("/v1/tags")
                    .then().statusCode(200).body("page.total", equalTo(6)).header("Link", notNullValue());
        }

        @ParameterizedTest
        @CsvSource(delimiter = ';', quoteCharacter = '"', value = {
                "type;city;must be topic, person, place or organisation",
                "sort;-name;must be name or -articleCount",
                "sort;articleCount;must be name or -articleCount",
                "q;' ';must be 1 to 100 characters",
                "limit;0;must be a whole number from 1 to 100",
                "count;1;must be true or false",
                "cursor;nope;is not a cursor this API issued",
                "kind;person;\"unknown query parameter; allowed: count, cursor, limit, q, sort, type\""})
        void refusesBadParameters(String name, String value, String message) {
            given().queryParam(name, value.equals("' '") ? " " : value).get("/v1/tags")
                    .then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors", hasSize(1))
                    .body("errors[0].field", equalTo(name))
                    .body("errors[0].message", equalTo(message));
        }

        @Test
        void refusesACursorOfTheOtherSort() {
            String p = prefix();
            fixtures.tag(p + " a", TagType.TOPIC);
            fixtures.tag(p + " b", TagType.TOPIC);
            String next = given().queryParam("q", p).queryParam("limit", "1").get("/v1/tags")
                    .then().statusCode(200).extract().path("page.next");

            given().queryParam("q", p).queryParam("sort", "-articleCount").queryParam("cursor", next).get("/v1/tags")
                    .then().statusCode(400).body("errors[0].field", equalTo("cursor"))
                    .body("errors[0].message", equalTo("belongs to another sort order; start again without a cursor"));
        }

        @Test
        void refusesACountCursorWhoseCountIsNotANumber() {
            String forged = new news.dispatch.web.Cursor("-articleCount", "many", "slug").encode();
            given().queryParam("sort", "-articleCount").queryParam("cursor", forged).get("/v1/tags")
                    .then().statusCode(400).body("errors[0].field", equalTo("cursor"));
        }
    }

    @Nested
    class GetTag {

        @Test
        void showsATagBySlugOrIdWithItsPublishedArticleCount() {
            Tag tag = fixtures.tag("Iraq", TagType.PLACE, t -> t.description = "The country");
            fixtures.article("One").publishedAt(T).tags(tag).save();
            fixtures.article("Draft").status(ArticleStatus.DRAFT).publishedAt(T).tags(tag).save();
            fixtures.article("Unpublished").status(ArticleStatus.UNPUBLISHED).publishedAt(T).tags(tag).save();

            for (String key : List.of(tag.slug, tag.id.toString())) {
                given().get("/v1/tags/" + key)
                        .then().statusCode(200)
                        .body("id", equalTo(tag.id.toString()))
                        .body("slug", equalTo(tag.slug))
                        .body("name", equalTo("Iraq"))
                        .body("type", equalTo("place"))
                        .body("description", equalTo("The country"))
                        .body("articleCount", equalTo(1))
                        .body("updatedAt", notNullValue())
                        .header("ETag", notNullValue())
                        .header("Last-Modified", notNullValue());
            }
        }

        @Test
        void anUnknownTagIsNotFound() {
            given().get("/v1/tags/no-such-tag")
                    .then().statusCode(404).contentType("application/problem+json")
                    .body("detail", equalTo("No tag 'no-such-tag'."));
        }
    }

    @Nested
    class TagArticles {

        @Test
        void listsThePublishedArticlesCarryingTheTag() {
            Tag tag = fixtures.tag("Iraq", TagType.PLACE);
            Tag other = fixtures.tag("Iran", TagType.PLACE);
            Article newer = fixtures.article("Newer").publishedAt(T.plusSeconds(60)).tags(other, tag).save();
            Article older = fixtures.article("Older").publishedAt(T).tags(tag).save();
            fixtures.article("Draft").status(ArticleStatus.DRAFT).publishedAt(T).tags(tag).save();
            fixtures.article("Deleted").publishedAt(T).tags(tag).deleted().save();
            fixtures.article("Untagged").publishedAt(T).tags(other).save();

            given().get("/v1/tags/" + tag.slug + "/articles")
                    .then().statusCode(200)
                    .body("items.slug", contains(newer.slug, older.slug))
                    .body("items[0].tags.slug", contains(other.slug, tag.slug))
                    .body("items[0]", not(hasKey("body")));
            given().queryParam("count", "true").get("/v1/tags/" + tag.id + "/articles")
                    .then().statusCode(200).body("page.total", equalTo(2));
        }

        @Test
        void takesTheArticleListParameters() {
            Section section = fixtures.section("World");
            Tag tag = fixtures.tag("Iraq", TagType.PLACE);
            Tag narrower = fixtures.tag("Kirkuk", TagType.PLACE);
            Article first = fixtures.article("First").section(section).publishedAt(T).tags(tag, narrower).save();
            Article second = fixtures.article("Second").section(section).publishedAt(T.plusSeconds(1)).tags(tag).save();
            Article third = fixtures.article("Third").publishedAt(T.plusSeconds(2)).tags(tag).save();

            given().queryParam("sort", "publishedAt").get("/v1/tags/" + tag.slug + "/articles")
                    .then().statusCode(200).body("items.slug", contains(first.slug, second.slug, third.slug));
            given().queryParam("section", section.slug).get("/v1/tags/" + tag.slug + "/articles")
                    .then().statusCode(200).body("items.slug", contains(second.slug, first.slug));
            given().queryParam("tag", narrower.slug).get("/v1/tags/" + tag.slug + "/articles")
                    .then().statusCode(200).body("items.slug", contains(first.slug));
            given().queryParam("from", "2021-07-10T09:30:01Z").get("/v1/tags/" + tag.slug + "/articles")
                    .then().statusCode(200).body("items.slug", contains(third.slug, second.slug));
            assertThat(news.dispatch.testsupport.Pages.walk("/v1/tags/" + tag.slug + "/articles", Map.of("limit", 1)))
                    .containsExactly(third.slug, second.slug, first.slug);
        }

        @Test
        void anUnknownTagIsNotFoundAndABadParameterIsRefused() {
            given().get("/v1/tags/no-such-tag/articles").then().statusCode(404).contentType("application/problem+json");
            Tag tag = fixtures.tag("Iraq", TagType.PLACE);
            given().queryParam("limit", "1000").get("/v1/tags/" + tag.slug + "/articles")
                    .then().statusCode(400).body("errors[0].field", equalTo("limit"));
            given().queryParam("type", "place").get("/v1/tags/" + tag.slug + "/articles")
                    .then().statusCode(400).body("errors[0].field", equalTo("type"));
        }
    }
}
