package news.dispatch.change;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import news.dispatch.article.Article;
import news.dispatch.section.Section;
import news.dispatch.testsupport.ContentChanges;
import news.dispatch.testsupport.Fixtures;
import news.dispatch.testsupport.TestClock;
import news.dispatch.testsupport.TestKeys;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** Change-feed pages that carry their articles, {@code include=summary|article} (issue 31, part 5; decision 151). */
@QuarkusTest
class DeltaSyncTest {

    @Inject
    Fixtures fixtures;
    @Inject
    ContentChanges changes;
    @Inject
    TestKeys keys;
    @Inject
    SessionFactory sessionFactory;

    @AfterEach
    void resetClock() {
        TestClock.reset();
    }

    /** The current end of the feed. */
    private String head() {
        String cursor = null;
        while (true) {
            var page = keys.asEditor().queryParam("limit", 100)
                    .queryParams(cursor == null ? Map.of() : Map.of("since", cursor))
                    .get("/v1/changes").then().statusCode(200).extract().jsonPath();
            if (page.getList("items").isEmpty()) {
                return page.getString("next");
            }
            cursor = page.getString("next");
        }
    }

    private JsonPath page(String caller, String since, int limit, String include) {
        return keys.as(caller).queryParam("since", since).queryParam("limit", limit).queryParam("include", include)
                .get("/v1/changes").then().statusCode(200).extract().jsonPath();
    }

    @Test
    void theLastVisibleEntryOfEachArticleCarriesItAsItIsNow() {
        String start = head();
        Section section = fixtures.section("Delta");
        Article a = changes.create(fixtures.article("First draft of history").section(section).body("<p>One</p>", "One"));
        Article b = changes.create(fixtures.article("Soon gone").section(section));
        changes.edit(a.id, "History, revised");
        changes.unpublish(b.id);

        JsonPath page = page(null, start, 10, "article");
        assertThat(page.getList("items.type")).containsExactly("publish", "publish", "update", "unpublish");
        assertThat(page.getMap("items[0]")).doesNotContainKey("article"); // a later entry of the page carries it
        assertThat(page.getMap("items[1]")).doesNotContainKey("article"); // no longer visible: the unpublish says so
        assertThat(page.getString("items[2].article.id")).isEqualTo(a.id.toString());
        assertThat(page.getString("items[2].article.headline")).isEqualTo("History, revised");
        assertThat(page.getString("items[2].article.body.html")).isEqualTo("<p>One</p>");
        assertThat(page.getList("items[2].article.corrections")).isEmpty();
        assertThat(page.getMap("items[2].article")).doesNotContainKeys("navigation", "related");
        assertThat(page.getMap("items[3]")).doesNotContainKey("article");

        JsonPath summaries = page(null, start, 10, "summary");
        assertThat(summaries.getString("items[2].article.headline")).isEqualTo("History, revised");
        assertThat(summaries.getString("items[2].article.section.slug")).isEqualTo(section.slug);
        assertThat(summaries.getMap("items[2].article")).doesNotContainKeys("body", "corrections");
        // without include, the entries alone, as before
        assertThat(page(null, start, 10, null).getMap("items[2]")).doesNotContainKey("article");
    }

    @Test
    void anEntryWhoseArticleLaterLeftCarriesNothingAndTheNextPageSaysWhy() {
        String start = head();
        Article c = changes.create(fixtures.article("Short-lived").section(fixtures.section("Delta")));
        changes.edit(c.id, "Short-lived, edited");
        changes.unpublish(c.id);
        JsonPath first = page(null, start, 2, "article");
        assertThat(first.getList("items.type")).containsExactly("publish", "update");
        assertThat(first.getMap("items[1]")).doesNotContainKey("article");
        JsonPath second = page(null, first.getString("next"), 2, "article");
        assertThat(second.getList("items.type")).containsExactly("unpublish");
        assertThat(second.getBoolean("items[0].visible")).isFalse();
    }

    @Test
    void theRightsApplyToWhatIsEmbedded() {
        String start = head();
        Section mine = fixtures.section("Delta partner");
        Section other = fixtures.section("Delta other");
        Article inMine = changes.create(fixtures.article("In my section").section(mine));
        Article inOther = changes.create(fixtures.article("In another section").section(other));
        Article embargoed = changes.create(fixtures.article("Embargoed").section(mine)
                .syndication(true, TestClock.now().plus(Duration.ofHours(1))));
        String partner = keys.partner(false, List.of(mine.slug), List.of());

        JsonPath seen = page(partner, start, 10, "article");
        assertThat(seen.getList("items.id")).containsExactly(inMine.id.toString());
        assertThat(seen.getString("items[0].article.headline")).isEqualTo("In my section");

        JsonPath editor = page(keys.editor(), start, 10, "summary");
        assertThat(editor.getList("items.article.id")).containsExactly(inMine.id.toString(), inOther.id.toString(),
                embargoed.id.toString());

        // syndication withdrawn: the partner is told to remove it, and gets no copy
        changes.rights(inMine.id, false, null);
        JsonPath after = page(partner, start, 10, "article");
        assertThat(after.getList("items.visible")).containsExactly(true, false);
        assertThat(after.getMap("items[0]")).doesNotContainKey("article");
    }

    @Test
    void anAnonymousPageNamesItsArticlesForPurgeAndShowsTheirEdits() {
        String start = head();
        Section section = fixtures.section("Delta cache");
        Article a = changes.create(fixtures.article("Cached once").section(section));
        given().queryParam("since", start).queryParam("include", "summary").get("/v1/changes")
                .then().statusCode(200)
                .header("Cache-Control", "private, no-cache")
                .header("Surrogate-Key", containsString("changes"))
                .header("Surrogate-Key", containsString("article-" + a.id))
                .header("Surrogate-Key", containsString("section-" + section.slug))
                .body("items[0].article.headline", equalTo("Cached once"));
        // A page of the first entry alone is answered again with the article as it is now; with the update on the
        // same page, the update carries it and the publish none.
        changes.edit(a.id, "Cached, then edited");
        given().queryParam("since", start).queryParam("limit", 1).queryParam("include", "summary").get("/v1/changes")
                .then().statusCode(200)
                .body("items[0].type", equalTo("publish"))
                .body("items[0].article.headline", equalTo("Cached, then edited"));
        given().queryParam("since", start).queryParam("include", "summary").get("/v1/changes")
                .then().statusCode(200)
                .body("items[0].article", org.hamcrest.Matchers.nullValue())
                .body("items[1].article.headline", equalTo("Cached, then edited"));
    }

    @Test
    void aBadIncludeIsAProblem() {
        for (String bad : new String[]{"body", "summary,article", "ARTICLE", "x".repeat(300)}) {
            given().queryParam("include", bad).get("/v1/changes").then().statusCode(400)
                    .contentType("application/problem+json")
                    .body("errors[0].field", equalTo("include"));
        }
    }

    /** A page of 40 articles with their bodies costs what a page of 4 costs: the page, the rows, their credits and tags. */
    @Test
    void aPageWithItsArticlesCostsTheSameForFortyAsForFour() {
        Section section = fixtures.section("Delta count");
        String start = head();
        for (int i = 0; i < 40; i++) {
            changes.create(fixtures.article("Counted " + i).section(section).body("<p>" + i + "</p>", "" + i));
        }
        String afterForty = head();
        for (int i = 0; i < 4; i++) {
            changes.create(fixtures.article("Few " + i).section(section));
        }
        long plain = statements(start, 40, null);
        long forForty = statements(start, 40, "article");
        long forFour = statements(afterForty, 4, "article");
        // the rows with their bodies, then their credits, tags and corrections
        assertThat(forForty).isEqualTo(forFour).isEqualTo(plain + 2);
    }

    private long statements(String since, int expected, String include) {
        Statistics statistics = sessionFactory.getStatistics();
        long least = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            long before = statistics.getPrepareStatementCount();
            JsonPath page = page(keys.editor(), since, expected, include); // keyed: never from the cache
            assertThat(page.getList("items")).hasSize(expected);
            if (include != null) {
                assertThat(page.getList("items.article")).doesNotContainNull();
            }
            least = Math.min(least, statistics.getPrepareStatementCount() - before);
        }
        return least;
    }
}
