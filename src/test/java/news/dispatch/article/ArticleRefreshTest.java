package news.dispatch.article;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import news.dispatch.cache.ContentCache;
import news.dispatch.section.Section;
import news.dispatch.testsupport.Fixtures;
import news.dispatch.testsupport.TestKeys;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * The cached page of a story that changes is computed again at once, off the request path, so the readers of a story
 * being edited are not the ones who wait for it: on the instance that made the write (before it answers the write)
 * and on one that hears of it; and so is a page read lately that shows a story that changed.
 */
@QuarkusTest
class ArticleRefreshTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    @Inject
    Fixtures fixtures;
    @Inject
    TestKeys keys;
    @Inject
    ContentCache cache;
    @Inject
    MeterRegistry registry;

    private record Desk(Article older, Article main) {
    }

    private Desk desk(String name) {
        Section section = fixtures.section("Refresh " + name);
        Instant t = Instant.parse("2018-03-01T08:00:00Z").plusSeconds(ThreadLocalRandom.current().nextInt(1_000_000));
        Article older = fixtures.article("Older " + name).section(section).publishedAt(t.minusSeconds(60)).save();
        Article main = fixtures.article("Main " + name).section(section).publishedAt(t).save();
        return new Desk(older, main);
    }

    private static String page(Article a) {
        return "/v1/articles/" + a.slug;
    }

    private String cachedBody(String path) {
        ContentCache.Entry entry = cache.find(path + "?");
        return entry == null ? null : new String(entry.representation().body(), StandardCharsets.UTF_8);
    }

    /** Waits until the cached body of the path passes the test; false when it does not within the wait. */
    private boolean eventually(String path, Predicate<String> test) throws InterruptedException {
        return within(WAIT, path, test);
    }

    private boolean within(Duration wait, String path, Predicate<String> test) throws InterruptedException {
        long end = System.nanoTime() + wait.toNanos();
        while (System.nanoTime() < end) {
            if (test.test(cachedBody(path))) {
                return true;
            }
            Thread.sleep(10);
        }
        return false;
    }

    private double refreshes(String outcome) {
        var counter = registry.find("dispatch_cache_refreshes_total").tag("outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    private String edit(Article a, String headline) {
        String etag = keys.asEditor().get("/v1/articles/" + a.id).then().statusCode(200).extract().header("ETag");
        return keys.asEditor().header("If-Match", etag).contentType("application/merge-patch+json")
                .body(Map.of("headline", headline)).patch("/v1/articles/" + a.id)
                .then().log().ifValidationFails().statusCode(200).extract().header("ETag");
    }

    @Test
    void theCachedPageOfAnEditedStoryIsComputedAgainBeforeAnyoneAsks() throws InterruptedException {
        Desk d = desk("edit");
        String main = page(d.main());
        String older = page(d.older());
        given().get(main).then().statusCode(200);
        given().get(older).then().statusCode(200).body("navigation.next.headline", equalTo("Main edit"));
        given().get(older).then().statusCode(200); // read again, from the cache: a page read lately
        double before = refreshes("refreshed");

        edit(d.main(), "Main edit, refreshed");

        // the instance that made the write answered it once the page was stored again
        assertThat(cachedBody(main)).as("the story's page is back in the cache with the edit")
                .contains("Main edit, refreshed");
        assertThat(refreshes("refreshed")).isGreaterThan(before);
        // a page read lately that shows the story (in its navigation) is computed again too
        assertThat(eventually(older, body -> body != null && body.contains("Main edit, refreshed"))).isTrue();

        // what the refresh kept is what a reader's own request computes
        String refreshed = cachedBody(main);
        String etag = given().header("Accept-Encoding", "identity").get(main).then().statusCode(200)
                .body("headline", equalTo("Main edit, refreshed")).extract().header("ETag");
        cache.invalidateAll(); // drops everything, refreshes nothing
        assertThat(cachedBody(main)).isNull();
        given().header("Accept-Encoding", "identity").get(main).then().statusCode(200).header("ETag", etag);
        assertThat(cachedBody(main)).isEqualTo(refreshed);
    }

    @Test
    void aPageThatShowsTheStoryButWasNotReadLatelyIsLeftToItsNextReader() throws InterruptedException {
        Desk d = desk("unread lately");
        String older = page(d.older());
        given().get(older).then().statusCode(200).body("navigation.next.headline", equalTo("Main unread lately"));
        given().get(older).then().statusCode(200);
        ContentCache.Entry entry = cache.find(older + "?");
        assertThat(entry).isNotNull();
        entry.asked().set(System.nanoTime() - Duration.ofSeconds(20).toNanos()); // as if last read 20 s ago

        edit(d.main(), "Main unread lately, edited");

        assertThat(within(Duration.ofSeconds(1), older, body -> body != null)).isFalse();
        given().get(older).then().statusCode(200).body("navigation.next.headline", equalTo("Main unread lately, edited"));
    }

    @Test
    void aPageReadOnlyByTheRequestThatComputedItIsNotReadLately() throws InterruptedException {
        Desk d = desk("read once");
        String older = page(d.older());
        given().get(older).then().statusCode(200);

        edit(d.main(), "Main read once, edited");

        assertThat(within(Duration.ofSeconds(1), older, body -> body != null)).isFalse();
    }

    @Test
    void theWritersOwnStoryIsComputedEvenUnreadButAWriteHeardFromElsewhereComputesOnlyWhatWasCached()
            throws InterruptedException {
        Desk d = desk("unread");
        String main = page(d.main());
        String older = page(d.older());
        edit(d.main(), "Main unread, edited");
        assertThat(cachedBody(main)).as("the story this instance wrote").contains("Main unread, edited");

        // another instance's write of a story nobody read here (its notification invalidates its key): nothing brings
        // its page in
        assertThat(cachedBody(older)).isNull();
        cache.invalidate(Set.of(Article.key(d.older().id)));
        assertThat(within(Duration.ofSeconds(1), older, body -> body != null)).isFalse();
    }

    @Test
    void theWrittenStorysPageIsKeptUnderTheKeyItsReadersAsk() {
        Section section = fixtures.section("Refresh Sorani");
        Article story = fixtures.article("هەواڵێکی نوێ").slug("hewaleki-nwe-" + ThreadLocalRandom.current().nextInt(1_000_000))
                .section(section).language("ckb")
                .publishedAt(Instant.parse("2017-01-01T08:00:00Z").plusSeconds(ThreadLocalRandom.current().nextInt(1_000_000)))
                .save();
        edit(story, "Hewaleki nwetir, edited");
        String request = ArticleRefresh.requestOf(story.slug);
        ContentCache.Entry kept = cache.find(request);
        assertThat(kept).isNotNull();
        // a reader's request is answered from that entry
        given().get(page(story)).then().statusCode(200).body("headline", equalTo("Hewaleki nwetir, edited"));
        assertThat(cache.find(request)).isSameAs(kept);
    }

    @Test
    void aStoryTakenDownIsNotComputedAgain() throws InterruptedException {
        Desk d = desk("takedown");
        String main = page(d.main());
        given().get(main).then().statusCode(200);
        double gone = refreshes("gone");
        fixtures.update(d.main(), a -> a.status = ArticleStatus.DRAFT);
        long end = System.nanoTime() + WAIT.toNanos();
        while (refreshes("gone") <= gone && System.nanoTime() < end) {
            Thread.sleep(10);
        }
        assertThat(refreshes("gone")).isGreaterThan(gone);
        assertThat(cachedBody(main)).isNull();
        given().get(main).then().statusCode(404);
    }

    @Test
    void aWriteHeardFromAnotherInstanceRefreshesThePageHereToo() throws InterruptedException {
        Desk d = desk("elsewhere");
        String main = page(d.main());
        given().get(main).then().statusCode(200).body("headline", equalTo("Main elsewhere"));
        // another instance changed the row and notified its keys (decision 087): this instance only invalidates them
        fixtures.update(d.main(), a -> a.headline = "Main elsewhere, edited there");
        cache.invalidate(Set.of(Article.key(d.main().id)));
        assertThat(eventually(main, body -> body != null && body.contains("Main elsewhere, edited there"))).isTrue();
    }

    @Test
    void aReaderThatMissesAPageBeingComputedAgainWaitsForThatComputation() throws Exception {
        Desk d = desk("joined");
        String request = ArticleRefresh.requestOf(d.main().slug);
        cache.invalidateAll(); // the page the desk's own writes computed: not cached now
        assertThat(cache.find(request)).isNull();
        java.util.concurrent.CountDownLatch started = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        var executor = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var refresh = executor.submit(() -> cache.refreshing(request, () -> {
                started.countDown();
                try {
                    release.await(10, java.util.concurrent.TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
            assertThat(started.await(10, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
            var reader = executor.submit(() -> given().get(page(d.main())).then().statusCode(200)
                    .extract().<String>path("headline"));
            Thread.sleep(300);
            assertThat(reader.isDone()).as("it waits for the computation under way").isFalse();
            release.countDown();
            refresh.get(10, java.util.concurrent.TimeUnit.SECONDS);
            // nothing was stored by that computation: the reader computes the page itself
            assertThat(reader.get(10, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo("Main joined");
            assertThat(cache.isRefreshing(request)).isFalse();
        } finally {
            release.countDown();
            executor.shutdownNow();
        }
    }

    @Test
    void onlyTheCanonicalPageOfAStoryIsItsPage() {
        assertThat(ArticleRefresh.slugOf("/v1/articles/kurdistan-votes?")).isEqualTo("kurdistan-votes");
        assertThat(ArticleRefresh.slugOf("/v1/articles/%D9%87%DB%95%D9%88%D9%84%DB%8E%D8%B1?")).isEqualTo("هەولێر");
        assertThat(ArticleRefresh.slugOf("/v1/articles/a+b?")).isEqualTo("a+b");
        assertThat(ArticleRefresh.slugOf("/v1/articles/kurdistan-votes?fields=headline")).isNull();
        assertThat(ArticleRefresh.slugOf("/v1/articles/kurdistan-votes/related?")).isNull();
        assertThat(ArticleRefresh.slugOf("/v1/articles?")).isNull();
        assertThat(ArticleRefresh.slugOf("/v1/articles/?")).isNull();
        assertThat(ArticleRefresh.slugOf("/v1/articles/%ZZ?")).isNull();
    }
}
