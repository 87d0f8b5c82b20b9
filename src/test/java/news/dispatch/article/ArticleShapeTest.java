package news.dispatch.article;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;
import news.dispatch.byline.Byline;
import news.dispatch.byline.BylineKind;
import news.dispatch.section.Section;
import news.dispatch.tag.Tag;
import news.dispatch.tag.TagType;
import news.dispatch.testsupport.Fixtures;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

/** fields= and include= on every article representation (docs/decisions/041). */
@QuarkusTest
class ArticleShapeTest {

    @Inject
    Fixtures fixtures;

    @Inject
    EntityManagerFactory emf;

    private record Story(Section section, Tag tag, Byline byline, Article older, Article main, Article newer) {
    }

    private Story story() {
        Section section = fixtures.section("Shape");
        Tag tag = fixtures.tag("Shape tag", TagType.TOPIC);
        Byline byline = fixtures.byline("Shape writer", BylineKind.PERSON);
        Instant t = Instant.parse("2022-03-01T10:00:00Z");
        Article older = fixtures.article("Older shape").section(section).tags(tag).byline(byline, BylineRole.AUTHOR)
                .publishedAt(t.minusSeconds(60)).save();
        Article main = fixtures.article("Main shape").section(section).tags(tag).byline(byline, BylineRole.AUTHOR)
                .body("<p>Main body</p>", "Main body").correction("Fixed a name").publishedAt(t).save();
        Article newer = fixtures.article("Newer shape").section(section).tags(tag).byline(byline, BylineRole.AUTHOR)
                .publishedAt(t.plusSeconds(60)).save();
        return new Story(section, tag, byline, older, main, newer);
    }

    @Nested
    class Lists {

        @Test
        void fieldsTrimEveryItemToTheNamedMembers() {
            Story s = story();
            given().queryParam("section", s.section().slug).queryParam("fields", "headline,slug,leadImage")
                    .when().get("/v1/articles")
                    .then().statusCode(200)
                    .body("items", hasSize(3))
                    .body("items[0].keySet()", containsInAnyOrder("headline", "slug", "leadImage"))
                    .body("page.limit", equalTo(20));
        }

        @Test
        void includeBodyAndCorrectionsEmbedsThemAndComposesWithFields() {
            Story s = story();
            given().queryParam("section", s.section().slug).queryParam("include", "body,corrections")
                    .when().get("/v1/articles")
                    .then().statusCode(200)
                    .body("items[1].slug", equalTo(s.main().slug))
                    .body("items[1].body.text", equalTo("Main body"))
                    .body("items[1].corrections[0].text", equalTo("Fixed a name"))
                    .body("items[0].corrections", hasSize(0))
                    .body("items[1]", hasKey("tags"));
            given().queryParam("section", s.section().slug).queryParam("fields", "slug").queryParam("include", "body")
                    .when().get("/v1/articles")
                    .then().statusCode(200)
                    .body("items[1].keySet()", containsInAnyOrder("slug", "body", "images")); // the body's images come with it
            // naming a part in fields includes it
            given().queryParam("section", s.section().slug).queryParam("fields", "slug,body")
                    .when().get("/v1/articles")
                    .then().statusCode(200)
                    .body("items[1].keySet()", containsInAnyOrder("slug", "body", "images")); // the body's images come with it
        }

        @Test
        void aWholeListIsTheSameBytesAsOneTrimmedToEveryMember() {
            Story s = story();
            String every = String.join(",", ArticleShape.SUMMARY_FIELDS);
            for (String path : new String[] {"/v1/articles?section=" + s.section().slug,
                    "/v1/articles/" + s.main().slug + "/related"}) {
                var whole = given().when().get(path).then().statusCode(200).extract();
                var trimmed = given().queryParam("fields", every).when().get(path).then().statusCode(200).extract();
                assertThat(whole.asString()).contains(s.older().slug).isEqualTo(trimmed.asString());
                assertThat(whole.header("ETag")).isEqualTo(trimmed.header("ETag"));
            }
        }

        @Test
        void listsShowNoOptionalPartByDefault() {
            Story s = story();
            given().queryParam("section", s.section().slug).when().get("/v1/articles")
                    .then().statusCode(200)
                    .body("items[0]", not(hasKey("body")))
                    .body("items[0]", not(hasKey("corrections")))
                    .body("items[0]", not(hasKey("navigation")))
                    .body("items[0]", not(hasKey("related")))
                    .body("items[0]", hasKey("syndication"));
        }

        @Test
        void sectionTagAndBylineListsTakeFieldsAndInclude() {
            Story s = story();
            for (String path : new String[]{"/v1/sections/" + s.section().slug + "/articles", "/v1/tags/" + s.tag().slug + "/articles",
                    "/v1/bylines/" + s.byline().slug + "/articles"}) {
                given().queryParam("fields", "slug").queryParam("include", "body").when().get(path)
                        .then().statusCode(200)
                        .body("items.slug", contains(s.newer().slug, s.main().slug, s.older().slug))
                        .body("items[0].keySet()", containsInAnyOrder("slug", "body", "images")); // the body's images come with it
                given().queryParam("fields", "nope").when().get(path)
                        .then().statusCode(400).body("errors[0].field", equalTo("fields"));
            }
        }

        @Test
        void unknownOrMisplacedNamesAre400() {
            given().queryParam("fields", "headline,nope").when().get("/v1/articles")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("fields"))
                    .body("errors[0].message", containsString("nope"));
            given().queryParam("include", "related").when().get("/v1/articles")
                    .then().statusCode(400).body("errors[0].field", equalTo("include"));
            given().queryParam("include", "navigation").when().get("/v1/articles")
                    .then().statusCode(400).body("errors[0].field", equalTo("include"));
            given().queryParam("include", "everything").when().get("/v1/articles")
                    .then().statusCode(400).body("errors[0].field", equalTo("include"));
            given().queryParam("fields", ",").when().get("/v1/articles")
                    .then().statusCode(400).body("errors[0].field", equalTo("fields"));
        }
    }

    @Nested
    class SingleArticle {

        @Test
        void includesEveryPartByDefault() {
            Story s = story();
            given().when().get("/v1/articles/" + s.main().slug)
                    .then().statusCode(200)
                    .body("body.text", equalTo("Main body"))
                    .body("corrections", hasSize(1))
                    .body("navigation.previous.slug", equalTo(s.older().slug))
                    .body("related", hasSize(2));
        }

        @Test
        void theWholeArticleIsTheSameBytesAsOneTrimmedToEveryMember() {
            Story s = story();
            String every = String.join(",", ArticleShape.SUMMARY_FIELDS) + ",body,corrections,navigation,related";
            for (Article article : new Article[] {s.main(), s.older()}) {
                var whole = given().when().get("/v1/articles/" + article.slug).then().statusCode(200).extract();
                var trimmed = given().queryParam("fields", every).when().get("/v1/articles/" + article.slug)
                        .then().statusCode(200).extract();
                assertThat(whole.asString()).isEqualTo(trimmed.asString());
                assertThat(whole.header("ETag")).isEqualTo(trimmed.header("ETag"));
            }
        }

        @Test
        void includeLimitsTheParts() {
            Story s = story();
            given().queryParam("include", "body").when().get("/v1/articles/" + s.main().slug)
                    .then().statusCode(200)
                    .body("body.text", equalTo("Main body"))
                    .body("$", not(hasKey("navigation")))
                    .body("$", not(hasKey("related")))
                    .body("$", not(hasKey("corrections")))
                    .body("headline", equalTo("Main shape"));
            given().queryParam("include", "").when().get("/v1/articles/" + s.main().slug)
                    .then().statusCode(200)
                    .body("$", not(hasKey("body")))
                    .body("$", hasKey("tags"));
        }

        @Test
        void fieldsTrimTheArticleAndItsNestedSummaries() {
            Story s = story();
            given().queryParam("fields", "headline,slug").when().get("/v1/articles/" + s.main().slug)
                    .then().statusCode(200)
                    .body("keySet()", containsInAnyOrder("headline", "slug"));
            given().queryParam("fields", "headline,slug").queryParam("include", "navigation,related")
                    .when().get("/v1/articles/" + s.main().slug)
                    .then().statusCode(200)
                    .body("keySet()", containsInAnyOrder("headline", "slug", "navigation", "related"))
                    .body("navigation.next.keySet()", containsInAnyOrder("headline", "slug"))
                    .body("related[0].keySet()", containsInAnyOrder("headline", "slug", "relation"));
        }

        @Test
        void partsLeftOutAreNotQueried() {
            Story s = story();
            Statistics stats = stats();
            long before = stats.getPrepareStatementCount();
            given().when().get("/v1/articles/" + s.main().slug).then().statusCode(200);
            long full = stats.getPrepareStatementCount() - before;
            before = stats.getPrepareStatementCount();
            given().queryParam("include", "").when().get("/v1/articles/" + s.main().slug).then().statusCode(200);
            long bare = stats.getPrepareStatementCount() - before;
            assertThat(bare).isLessThan(full);
        }

        @Test
        void relatedTakesFieldsAndRefusesInclude() {
            Story s = story();
            given().queryParam("fields", "slug").when().get("/v1/articles/" + s.main().slug + "/related")
                    .then().statusCode(200)
                    .body("items[0].keySet()", containsInAnyOrder("slug", "relation"));
            given().queryParam("include", "body").when().get("/v1/articles/" + s.main().slug + "/related")
                    .then().statusCode(400).body("errors[0].field", equalTo("include"));
            given().queryParam("fields", "body").when().get("/v1/articles/" + s.main().slug + "/related")
                    .then().statusCode(400).body("errors[0].field", equalTo("fields"));
        }

        @Test
        void unknownNamesAre400() {
            Story s = story();
            given().queryParam("fields", "headline,secret").when().get("/v1/articles/" + s.main().slug)
                    .then().statusCode(400).body("errors[0].field", equalTo("fields"));
            given().queryParam("include", "comments").when().get("/v1/articles/" + s.main().slug)
                    .then().statusCode(400).body("errors[0].field", equalTo("include"));
        }
    }

    @Nested
    class StatementCounts {

        @Test
        void aListCostsTheSameStatementsWhateverItsSizeAndIncludes() {
            Section section = fixtures.section("Counting");
            Tag a = fixtures.tag("Count a", TagType.TOPIC);
            Tag b = fixtures.tag("Count b", TagType.PLACE);
            Byline w = fixtures.byline("Counter", BylineKind.PERSON);
            for (int i = 0; i < 12; i++) {
                fixtures.article("Counted " + i).section(section).tags(a, b).byline(w, BylineRole.AUTHOR)
                        .correction("c" + i).publishedAt(Instant.parse("2022-01-01T00:00:00Z").plusSeconds(i)).save();
            }
            // each URL is new, so none is answered from the application cache
            long small = statements("/v1/articles", Map.of("section", section.slug, "limit", "1", "include", "body,corrections"));
            long large = statements("/v1/articles", Map.of("section", section.slug, "limit", "12", "include", "body,corrections"));
            long largeFields = statements("/v1/articles", Map.of("section", section.slug, "limit", "11", "include", "body,corrections",
                    "fields", "slug,tags"));
            assertThat(large).isEqualTo(small);
            assertThat(largeFields).isEqualTo(small);
            long bare1 = statements("/v1/articles", Map.of("section", section.slug, "limit", "2"));
            long bare2 = statements("/v1/articles", Map.of("section", section.slug, "limit", "10"));
            assertThat(bare2).isEqualTo(bare1);
            long tag1 = statements("/v1/tags/" + a.slug + "/articles", Map.of("limit", "1", "include", "body"));
            long tag2 = statements("/v1/tags/" + a.slug + "/articles", Map.of("limit", "12", "include", "body"));
            assertThat(tag2).isEqualTo(tag1);
            long search1 = statements("/v1/search", Map.of("q", "counted", "section", section.slug, "limit", "1", "include", "corrections"));
            long search2 = statements("/v1/search", Map.of("q", "counted", "section", section.slug, "limit", "12", "include", "corrections"));
            assertThat(search2).isEqualTo(search1);
        }

        private long statements(String path, Map<String, String> query) {
            Statistics stats = stats();
            long before = stats.getPrepareStatementCount();
            given().queryParams(query).when().get(path).then().statusCode(200);
            return stats.getPrepareStatementCount() - before;
        }
    }

    private Statistics stats() {
        Statistics stats = emf.unwrap(SessionFactory.class).getStatistics();
        assertThat(stats.isStatisticsEnabled()).isTrue();
        return stats;
    }
}
