package news.dispatch.search;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import news.dispatch.article.Article;
import news.dispatch.article.ArticleStatus;
import news.dispatch.section.Section;
import news.dispatch.tag.Tag;
import news.dispatch.tag.TagType;
import news.dispatch.testsupport.Databases;
import news.dispatch.testsupport.Fixtures;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

@QuarkusTest
class SearchResourceTest {

    @Inject
    Fixtures fixtures;

    @Inject
    jakarta.persistence.EntityManager em;

    /** A word no other test uses, so results are this test's own. */
    private static String word(String prefix) {
        return Fixtures.unique(prefix).replace("-", "");
    }

    @Nested
    class Matching {

        @Test
        void findsArticlesHavingEveryWordAndExcludesTheMinusWord() {
            String w = word("zorblat");
            String v = word("quennel");
            Article both = fixtures.article("Both " + w).body("<p>" + v + " here</p>", "The " + v + " here.").save();
            Article onlyOne = fixtures.article("Only " + w).save();
            Article excluded = fixtures.article(w + " and " + v + " but vetoed").body("<p>x</p>", "vetoedword " + v).save();

            given().queryParam("q", w + " " + v).when().get("/v1/search")
                    .then().statusCode(200)
                    .body("items.slug", containsInAnyOrder(both.slug, excluded.slug));
            given().queryParam("q", w + " " + v + " -vetoedword").when().get("/v1/search")
                    .then().statusCode(200)
                    .body("items.slug", contains(both.slug));
            given().queryParam("q", w).when().get("/v1/search")
                    .then().statusCode(200)
                    .body("items.slug", containsInAnyOrder(both.slug, onlyOne.slug, excluded.slug));
        }

        @Test
        void quotedPhraseNeedsTheWordsTogetherAndOrFindsEither() {
            String a = word("plimsoll");
            String b = word("trunnion");
            String c = word("garboil");
            Article together = fixtures.article("Story " + a + " " + b + " together").save();
            Article apart = fixtures.article("Story " + b + " then " + a + " apart").save();
            Article other = fixtures.article("Story of " + c).save();

            given().queryParam("q", "\"" + a + " " + b + "\"").when().get("/v1/search")
                    .then().statusCode(200).body("items.slug", contains(together.slug));
            given().queryParam("q", "\"" + a + " " + b + "\" or " + c).when().get("/v1/search")
                    .then().statusCode(200).body("items.slug", containsInAnyOrder(together.slug, other.slug));
            given().queryParam("q", a + " " + b).when().get("/v1/search")
                    .then().statusCode(200).body("items.slug", containsInAnyOrder(together.slug, apart.slug));
        }

        @Test
        void matchesWholeWordsCaseInsensitively() {
            String w = word("kestrum");
            Article upper = fixtures.article("About " + w.toUpperCase()).save();
            fixtures.article("About " + w + "extra").save();

            given().queryParam("q", w).when().get("/v1/search")
                    .then().statusCode(200).body("items.slug", contains(upper.slug));
        }

        @Test
        void onlyVisibleArticlesAreFound() {
            String w = word("invisiblum");
            Article visible = fixtures.article("Seen " + w).save();
            fixtures.article("Draft " + w).status(ArticleStatus.DRAFT).save();
            fixtures.article("Unpublished " + w).status(ArticleStatus.UNPUBLISHED).save();
            fixtures.article("Deleted " + w).deleted().save();

            given().queryParam("q", w).when().get("/v1/search")
                    .then().statusCode(200).body("items.slug", contains(visible.slug));
        }

        @Test
        void articleListFiltersApply() {
            String w = word("filtrum");
            Section section = fixtures.section("Search section");
            Tag tag = fixtures.tag("Search tag", TagType.TOPIC);
            Article inSection = fixtures.article("In section " + w).section(section).save();
            Article tagged = fixtures.article("Tagged " + w).tags(tag).language("de").save();
            fixtures.article("Elsewhere " + w).save();

            given().queryParam("q", w).queryParam("section", section.slug).when().get("/v1/search")
                    .then().statusCode(200).body("items.slug", contains(inSection.slug));
            given().queryParam("q", w).queryParam("tag", tag.slug).when().get("/v1/search")
                    .then().statusCode(200).body("items.slug", contains(tagged.slug));
            given().queryParam("q", w).queryParam("lang", "de").when().get("/v1/search")
                    .then().statusCode(200).body("items.slug", contains(tagged.slug));
            given().queryParam("q", w).queryParam("section", "no-such-section-here").when().get("/v1/search")
                    .then().statusCode(400).body("errors[0].field", equalTo("section"));
        }
    }

    @Nested
    class RankingAndPaging {

        @Test
        void headlineMatchesRankAboveStandfirstAboveBody() {
            String w = word("rankel");
            Article inBody = fixtures.article("Body story").body("<p>Text with " + w + ".</p>", "Text with " + w + ".")
                    .publishedAt(Instant.parse("2021-01-03T00:00:00Z")).save();
            Article inHeadline = fixtures.article("Headline " + w).publishedAt(Instant.parse("2021-01-01T00:00:00Z")).save();
            Article inStandfirst = fixtures.article("Standfirst story").standfirst("A dek with " + w)
                    .publishedAt(Instant.parse("2021-01-02T00:00:00Z")).save();

            Response r = given().queryParam("q", w).when().get("/v1/search");
            r.then().statusCode(200)
                    .body("items.slug", contains(inHeadline.slug, inStandfirst.slug, inBody.slug))
                    .body("items[0].score", greaterThan(0f));
            List<Float> scores = r.jsonPath().getList("items.score", Float.class);
            assertThat(scores.get(0)).isGreaterThan(scores.get(1));
            assertThat(scores.get(1)).isGreaterThan(scores.get(2));
        }

        @Test
        void highlightMarksTheMatchesAndEscapesHtml() {
            String w = word("snippix");
            Article a = fixtures.article("Snippet story")
                    .body("<p>First sentence. Then a &lt;b&gt; and the " + w + " appears in text.</p>",
                            "First sentence. Then a <b> and the " + w + " appears in text.").save();

            given().queryParam("q", w).when().get("/v1/search")
                    .then().statusCode(200)
                    .body("items[0].slug", equalTo(a.slug))
                    .body("items[0].highlight", containsString("<mark>" + w + "</mark>"))
                    .body("items[0].highlight", not(containsString("<b>")));
        }

        @Test
        void pagesByCursorWithoutRepeatsOrGaps() {
            String w = word("pagelium");
            List<String> made = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                // same score for all: the id breaks ties
                made.add(fixtures.article("Paged " + w + " " + i).save().slug);
            }
            List<String> seen = new ArrayList<>();
            String cursor = null;
            for (int page = 0; page < 5; page++) {
                var request = given().queryParam("q", w).queryParam("limit", 2);
                if (cursor != null) {
                    request.queryParam("cursor", cursor);
                }
                Response r = request.when().get("/v1/search");
                r.then().statusCode(200).body("page.limit", equalTo(2));
                seen.addAll(r.jsonPath().getList("items.slug", String.class));
                cursor = r.jsonPath().getString("page.next");
                if (cursor == null) {
                    break;
                }
                assertThat(r.getHeader("Link")).contains("rel=\"next\"");
            }
            assertThat(seen).containsExactlyInAnyOrderElementsOf(made);
            assertThat(seen).doesNotHaveDuplicates();
        }

        @Test
        void fieldsTrimHitsButKeepScoreAndHighlight() {
            String w = word("trimmix");
            fixtures.article("Trim " + w).save();
            given().queryParam("q", w).queryParam("fields", "headline,slug").when().get("/v1/search")
                    .then().statusCode(200)
                    .body("items[0]", hasKey("score"))
                    .body("items[0]", hasKey("highlight"))
                    .body("items[0]", hasKey("headline"))
                    .body("items[0]", not(hasKey("tags")))
                    .body("items[0]", not(hasKey("body")));
            given().queryParam("q", w).queryParam("include", "body").when().get("/v1/search")
                    .then().statusCode(200)
                    .body("items[0].body.text", containsString(w))
                    .body("items[0]", hasKey("tags"));
        }
    }

    @Nested
    class BadQueries {

        @Test
        void malformedQueriesAre400NamingQ() {
            for (String q : List.of("", "   ", "\"open phrase", "-onlyexcluded", "or alpha", "alpha or", "alpha or or beta",
                    "alpha or -beta", "x".repeat(301))) {
                given().queryParam("q", q).when().get("/v1/search")
                        .then().statusCode(400)
                        .contentType("application/problem+json")
                        .body("errors[0].field", equalTo("q"));
            }
            given().when().get("/v1/search").then().statusCode(400).body("errors[0].field", equalTo("q"));
        }

        @Test
        void operatorsAndPunctuationNeverCause500() {
            for (String q : List.of("the", "to be or not to be", "a & b", "(x | y)", "!!!", "foo:* bar", "'quote'", "\\",
                    "a -", "<script>", "ǅ ∑ 🙂 kurdî")) {
                int status = given().queryParam("q", q).when().get("/v1/search").then().extract().statusCode();
                assertThat(status).as(q).isIn(200, 400);
            }
        }

        @Test
        void sortCountBadCursorAndUnknownParametersAre400() {
            for (String sort : List.of("publishedAt", "-updatedAt", "score", "newest")) {
                given().queryParam("q", "x").queryParam("sort", sort).when().get("/v1/search")
                        .then().statusCode(400).body("errors[0].field", equalTo("sort"));
            }
            // the article lists' total and editors' status filter are not search parameters
            given().queryParam("q", "x").queryParam("count", "true").when().get("/v1/search")
                    .then().statusCode(400).body("errors[0].field", equalTo("count"));
            given().queryParam("q", "x").queryParam("status", "draft").when().get("/v1/search")
                    .then().statusCode(400).body("errors[0].field", equalTo("status"));
            given().queryParam("q", "x").queryParam("cursor", "nonsense").when().get("/v1/search")
                    .then().statusCode(400).body("errors[0].field", equalTo("cursor"));
            given().queryParam("q", "x").queryParam("qq", "y").when().get("/v1/search")
                    .then().statusCode(400).body("errors[0].field", equalTo("qq"));
            given().queryParam("q", "x").queryParam("fields", "nope").when().get("/v1/search")
                    .then().statusCode(400).body("errors[0].field", equalTo("fields"));
        }

        @Test
        void cursorOfAnArticleListIsRefused() {
            String w = word("crossover");
            fixtures.article("A " + w).save();
            fixtures.article("B " + w).save();
            String listCursor = given().queryParam("limit", 1).when().get("/v1/articles").then().statusCode(200)
                    .extract().path("page.next");
            given().queryParam("q", w).queryParam("cursor", listCursor).when().get("/v1/search")
                    .then().statusCode(400).body("errors[0].field", equalTo("cursor"));
        }
    }

    /** Stemming, per-row configurations, ts_rank and ts_headline: PostgreSQL only. */
    @Nested
    class PostgresFullText {

        @Test
        void englishArticlesMatchOtherFormsOfAWord() {
            assumeTrue(Databases.postgres());
            String w = word("stemtest");
            Article english = fixtures.article("Ministers " + w + " meetings").body("<p>They were meeting.</p>", "They were meeting.")
                    .save();
            given().queryParam("q", "minister meets " + w).when().get("/v1/search")
                    .then().statusCode(200)
                    .body("items.slug", contains(english.slug))
                    .body("items[0].highlight", containsString("<mark>meeting</mark>"));
        }

        @Test
        void otherLanguagesMatchWordForWordWithoutEnglishStemming() {
            assumeTrue(Databases.postgres());
            String w = word("simpletest");
            Article kurdish = fixtures.article("Civînên " + w + " meetings").language("ku").save();
            Article english = fixtures.article("English " + w + " meetings").save();
            // 'meeting' stems to 'meet' in English; the simple configuration keeps 'meetings' as it is
            given().queryParam("q", "meeting " + w).when().get("/v1/search")
                    .then().statusCode(200).body("items.slug", contains(english.slug));
            given().queryParam("q", "meetings " + w).when().get("/v1/search")
                    .then().statusCode(200).body("items.slug", containsInAnyOrder(english.slug, kurdish.slug));
            // the English stop word 'the' is a word like any other in the simple configuration
            Article withThe = fixtures.article("Gotara the " + w).language("ku").save();
            // (the English configuration drops it, so the English article matches on the other word alone)
            given().queryParam("q", "\"the " + w + "\"").when().get("/v1/search")
                    .then().statusCode(200).body("items.slug", containsInAnyOrder(withThe.slug, english.slug));
        }

        @Test
        void scoreIsTsRankAndMoreMatchesRankHigher() {
            assumeTrue(Databases.postgres());
            String w = word("densitas");
            Article once = fixtures.article("Once story").body("<p>x</p>", "Only once " + w + " here and a lot of other words.").save();
            Article thrice = fixtures.article("Thrice story").body("<p>x</p>", w + " and " + w + " and again " + w + ".").save();
            Response r = given().queryParam("q", w).when().get("/v1/search");
            r.then().statusCode(200).body("items.slug", contains(thrice.slug, once.slug))
                    .body("items[0].highlight", containsString("<mark>" + w + "</mark>"));
            assertThat(r.jsonPath().getFloat("items[0].score")).isGreaterThan(r.jsonPath().getFloat("items[1].score"));
        }

        @Test
        void searchVectorHasAGinIndexPerBranch() {
            assumeTrue(Databases.postgres());
            Object methods = io.quarkus.narayana.jta.QuarkusTransaction.requiringNew().call(() ->
                    em.createNativeQuery("select string_agg(am.amname, ',' order by c.relname) from pg_class c"
                            + " join pg_am am on am.oid = c.relam where c.relname in ('article_search_english_idx',"
                            + " 'article_search_arabic_idx', 'article_search_other_idx')").getSingleResult());
            assertThat(methods).isEqualTo("gin,gin,gin");
        }
    }

    @Test
    void noMatchIsAnEmptyPage() {
        given().queryParam("q", word("nothingmatches")).when().get("/v1/search")
                .then().statusCode(200).body("items", empty()).body("page.next", nullValue())
                .header("ETag", notNullValue());
    }
}
