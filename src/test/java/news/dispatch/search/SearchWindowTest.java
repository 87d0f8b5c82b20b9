package news.dispatch.search;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import news.dispatch.article.Article;
import news.dispatch.section.Section;
import news.dispatch.testsupport.Databases;
import news.dispatch.testsupport.Fixtures;
import news.dispatch.testsupport.FreshDatabaseProfile;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Relevance ranks only the newest matches (docs/decisions/040-search.md): here the window is 3 articles, so a
 * few fixtures show what falls outside it, how `to` and `sort=-publishedAt` reach it, and that paging ends. On
 * PostgreSQL a phrase is checked on the newest 3 articles holding its words (the phrase window), and newest first
 * the next page goes on with the older ones.
 */
@QuarkusTest
@TestProfile(SearchWindowTest.WindowOfThree.class)
class SearchWindowTest {

    /**
     * A database of its own (the shared one has other tests' articles), a window of three, and on PostgreSQL 0.5 s
     * for the planner's first choice and 1 s for any statement.
     */
    public static class WindowOfThree extends FreshDatabaseProfile {
        @Override
        protected Map<String, String> extra() {
            return Map.of("dispatch.search.window", "3", "dispatch.search.phrase-window", "3",
                    "dispatch.search.walk-timeout", "500ms", "dispatch.search.timeout", "1S");
        }
    }

    @Inject
    Fixtures fixtures;

    @Inject
    EntityManager em;

    private static String word(String prefix) {
        return Fixtures.unique(prefix).replace("-", "");
    }

    /** An article that has the word in its body only (the lowest score), published on the given day of 2021. */
    private Article bodyMatch(String w, int day) {
        return fixtures.article("Body match " + day).body("<p>Text with " + w + ".</p>", "Text with " + w + ".")
                .publishedAt(Instant.parse("2021-01-%02dT00:00:00Z".formatted(day))).save();
    }

    /** An older article with the word in its headline: the best match there is. */
    private Article oldHeadlineMatch(String w) {
        return fixtures.article("Headline " + w).publishedAt(Instant.parse("2020-01-01T00:00:00Z")).save();
    }

    @Test
    void anOldBestMatchOutsideTheWindowIsNotRankedButToAndNewestReachIt() {
        String w = word("windowed");
        Article old = oldHeadlineMatch(w);
        Article n1 = bodyMatch(w, 1);
        Article n2 = bodyMatch(w, 2);
        Article n3 = bodyMatch(w, 3);
        Article n4 = bodyMatch(w, 4);

        given().queryParam("q", w).when().get("/v1/search")
                .then().statusCode(200)
                .body("items.slug", containsInAnyOrder(n4.slug, n3.slug, n2.slug))
                .body("items.slug", not(hasItem(old.slug)))
                .body("page.next", nullValue());
        given().queryParam("q", w).queryParam("sort", "relevance").when().get("/v1/search")
                .then().statusCode(200).body("items.slug", containsInAnyOrder(n4.slug, n3.slug, n2.slug));
        // `to` moves the window back in time: the old article and the two oldest body matches, best first
        given().queryParam("q", w).queryParam("to", "2021-01-02").when().get("/v1/search")
                .then().statusCode(200)
                .body("items", hasSize(3))
                .body("items[0].slug", equalTo(old.slug))
                .body("items.slug", containsInAnyOrder(old.slug, n2.slug, n1.slug));
        given().queryParam("q", w).queryParam("sort", "-publishedAt").when().get("/v1/search")
                .then().statusCode(200)
                .body("items.slug", contains(n4.slug, n3.slug, n2.slug, n1.slug, old.slug))
                .body("items[4].score", notNullValue())
                .body("items[4].highlight", notNullValue());
    }

    @Test
    void filtersApplyBeforeTheWindow() {
        String w = word("filteredwindow");
        Section section = fixtures.section("Window section");
        Article old = fixtures.article("Headline " + w).section(section)
                .publishedAt(Instant.parse("2020-01-01T00:00:00Z")).save();
        for (int day = 1; day <= 4; day++) {
            bodyMatch(w, day);
        }
        given().queryParam("q", w).queryParam("section", section.slug).when().get("/v1/search")
                .then().statusCode(200).body("items.slug", contains(old.slug));
    }

    @Test
    void fewerMatchesThanTheWindowAreAllRanked() {
        String w = word("allranked");
        Article newer = bodyMatch(w, 5);
        Article old = oldHeadlineMatch(w);

        Response r = given().queryParam("q", w).when().get("/v1/search");
        r.then().statusCode(200).body("items.slug", contains(old.slug, newer.slug)).body("page.next", nullValue());
        assertThat(r.jsonPath().getFloat("items[0].score")).isGreaterThan(r.jsonPath().getFloat("items[1].score"));
    }

    @Test
    void pagingByRelevanceEndsWithTheWindow() {
        String w = word("windowpages");
        List<String> newest = new ArrayList<>();
        for (int day = 1; day <= 5; day++) {
            newest.add(0, bodyMatch(w, day).slug);
        }
        List<String> seen = pages(w, null);
        assertThat(seen).containsExactlyInAnyOrderElementsOf(newest.subList(0, 3));
    }

    @Test
    void pagingNewestFirstReachesEveryMatch() {
        String w = word("newestpages");
        List<String> newest = new ArrayList<>();
        newest.add(oldHeadlineMatch(w).slug);
        for (int day = 1; day <= 4; day++) {
            newest.add(0, bodyMatch(w, day).slug);
        }
        assertThat(pages(w, "-publishedAt")).containsExactlyElementsOf(newest);
    }

    /** An article with the given body text, published on the given day of 2022. */
    private Article withText(String text, int day) {
        return fixtures.article("Phrase fixture " + day).body("<p>" + text + "</p>", text)
                .publishedAt(Instant.parse("2022-01-%02dT00:00:00Z".formatted(day))).save();
    }

    /**
     * Five articles hold both words, two of them as the phrase: the newest and the oldest. The three newest are the
     * phrase window on PostgreSQL, so by relevance only the newest phrase is found there (H2 checks every article);
     * newest first, every phrase is reached on both, the first page ending where the window did.
     */
    @Test
    void aPhraseIsCheckedOnTheNewestArticlesHoldingItsWordsAndPagingGoesOn() {
        String a = word("phrasea");
        String b = word("phraseb");
        Article newestPhrase = withText("Said " + a + " " + b + " today.", 9);
        withText(b + " " + a + " reversed.", 8);
        withText(b + " and then " + a + " apart.", 7);
        withText(b + " " + a + " reversed again.", 6);
        Article oldestPhrase = withText("Earlier " + a + " " + b + " too.", 5);
        String phrase = "\"" + a + " " + b + "\"";

        Response relevance = given().queryParam("q", phrase).when().get("/v1/search");
        relevance.then().statusCode(200).body("page.next", nullValue());
        if (Databases.postgres()) {
            relevance.then().body("items.slug", contains(newestPhrase.slug));
        } else {
            relevance.then().body("items.slug", containsInAnyOrder(newestPhrase.slug, oldestPhrase.slug));
        }

        Response first = given().queryParam("q", phrase).queryParam("sort", "-publishedAt").queryParam("limit", 2)
                .when().get("/v1/search");
        first.then().statusCode(200);
        if (Databases.postgres()) {
            // the window (days 9, 8, 7) held one phrase: a short page, and a link to the older articles
            first.then().body("items.slug", contains(newestPhrase.slug)).body("page.next", notNullValue());
        } else {
            first.then().body("items.slug", contains(newestPhrase.slug, oldestPhrase.slug)).body("page.next", nullValue());
        }
        assertThat(pages(phrase, "-publishedAt")).containsExactly(newestPhrase.slug, oldestPhrase.slug);
        // one word and the phrase excluded: the articles holding both words in another order only
        assertThat(pages(a + " -" + phrase, "-publishedAt")).hasSize(3)
                .doesNotContain(newestPhrase.slug, oldestPhrase.slug);
    }

    @Test
    void aCursorServesOnlyItsOwnOrder() {
        String w = word("cursororder");
        for (int day = 1; day <= 3; day++) {
            bodyMatch(w, day);
        }
        String relevance = given().queryParam("q", w).queryParam("limit", 1).when().get("/v1/search")
                .then().statusCode(200).extract().path("page.next");
        String newest = given().queryParam("q", w).queryParam("sort", "-publishedAt").queryParam("limit", 1)
                .when().get("/v1/search").then().statusCode(200).extract().path("page.next");
        String list = given().queryParam("limit", 1).when().get("/v1/articles").then().statusCode(200)
                .extract().path("page.next");
        given().queryParam("q", w).queryParam("sort", "-publishedAt").queryParam("cursor", relevance)
                .when().get("/v1/search").then().statusCode(400).body("errors[0].field", equalTo("cursor"));
        given().queryParam("q", w).queryParam("cursor", newest)
                .when().get("/v1/search").then().statusCode(400).body("errors[0].field", equalTo("cursor"));
        given().queryParam("q", w).queryParam("sort", "-publishedAt").queryParam("cursor", list)
                .when().get("/v1/search").then().statusCode(400).body("errors[0].field", equalTo("cursor"));
    }

    /**
     * A search statement still running after dispatch.search.timeout is cancelled: here it waits for a lock another
     * transaction holds for 4 s, so the first try is cancelled after 0.5 s, the second after 1 s more, and the caller
     * gets a 503 (PostgreSQL: H2 readers take no such lock).
     */
    @Test
    void aSearchThatRunsTooLongIsCancelled() throws Exception {
        assumeTrue(Databases.postgres());
        String w = word("slowsearch");
        bodyMatch(w, 1);
        given().queryParam("q", w + " -other").when().get("/v1/search").then().statusCode(200); // warm, not cached
        CompletableFuture<Void> holder = holdArticleLock(4_000);
        long start = System.nanoTime();
        given().queryParam("q", w).when().get("/v1/search")
                .then().statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", notNullValue());
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(3_500));
        holder.get(10, TimeUnit.SECONDS);
        given().queryParam("q", w).when().get("/v1/search").then().statusCode(200).body("items", hasSize(1));
    }

    /**
     * The planner's choice gets dispatch.search.walk-timeout, then the statement runs again (from the GIN index) with
     * the full timeout: with the table locked for 1.25 s, one statement would be cancelled after 1 s; the second try,
     * started after 0.5 s, gets the lock in time (both orders).
     */
    @Test
    void aFirstTryThatRunsTooLongIsRunAgain() throws Exception {
        assumeTrue(Databases.postgres());
        String w = word("secondtry");
        Article match = bodyMatch(w, 1);
        for (String sort : List.of("relevance", "-publishedAt")) {
            CompletableFuture<Void> holder = holdArticleLock(1_250);
            given().queryParam("q", w).queryParam("sort", sort).when().get("/v1/search")
                    .then().statusCode(200).body("items.slug", contains(match.slug));
            holder.get(10, TimeUnit.SECONDS);
        }
    }

    /** Locks the article table in another transaction for the given time; answers once the lock is held. */
    private CompletableFuture<Void> holdArticleLock(long millis) throws InterruptedException {
        CountDownLatch locked = new CountDownLatch(1);
        CompletableFuture<Void> holder = CompletableFuture.runAsync(() -> QuarkusTransaction.requiringNew().run(() -> {
            em.createNativeQuery("lock table article in access exclusive mode").executeUpdate();
            locked.countDown();
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }));
        assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();
        return holder;
    }

    /** Every page of a search, two hits at a time, until there is no next page; at most ten pages. */
    private static List<String> pages(String w, String sort) {
        List<String> seen = new ArrayList<>();
        String cursor = null;
        for (int page = 0; page < 10; page++) {
            var request = given().queryParam("q", w).queryParam("limit", 2);
            if (sort != null) {
                request.queryParam("sort", sort);
            }
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            Response r = request.when().get("/v1/search");
            r.then().statusCode(200);
            seen.addAll(r.jsonPath().getList("items.slug", String.class));
            cursor = r.jsonPath().getString("page.next");
            if (cursor == null) {
                return seen;
            }
        }
        throw new AssertionError("paging did not end: " + seen);
    }
}
