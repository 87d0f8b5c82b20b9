package news.dispatch.cache;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import news.dispatch.article.Article;
import news.dispatch.section.Section;
import news.dispatch.testsupport.Fixtures;
import news.dispatch.web.Representation;
import news.dispatch.web.Representations;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/**
 * A write invalidates the cached answers that show what it touched, not the whole cache, and a response computed
 * from data older than a write is never served after that write (docs/decisions/086-invalidation-by-purge-keys.md).
 */
@QuarkusTest
class InvalidationTest {

    @Inject
    Fixtures fixtures;
    @Inject
    news.dispatch.testsupport.TestKeys keys;

    @Inject
    ContentCache cache;

    private static boolean cached(ContentCache cache, String path) {
        return cache.find(path + "?") != null;
    }

    /**
     * Nothing computed before invalidation number {@code before} is cached for the path any more: it was dropped, or
     * (a story's page read lately) computed again since (news.dispatch.article.ArticleRefresh).
     */
    private static boolean nothingOlder(ContentCache cache, String path, long before) {
        ContentCache.Entry entry = cache.find(path + "?");
        return entry == null || entry.sequence() > before;
    }

    /**
     * The story's own page after its write: dropped, or already computed again with the write (the page of a story
     * that changes is refreshed at once, off the request path: news.dispatch.article.ArticleRefresh).
     */
    private static void droppedOrShows(ContentCache cache, String path, String text) {
        ContentCache.Entry entry = cache.find(path + "?");
        if (entry != null) {
            assertThat(new String(entry.representation().body(), StandardCharsets.UTF_8)).as(path).contains(text);
        }
    }

    private record Desk(Section section, Article older, Article main, Article elsewhere) {
    }

    private Desk desk(String name) {
        Section section = fixtures.section("Invalidation " + name);
        Section other = fixtures.section("Elsewhere " + name);
        Instant t = Instant.parse("2019-05-01T08:00:00Z").plusSeconds(ThreadLocalRandom.current().nextInt(1_000_000));
        Article older = fixtures.article("Older " + name).section(section).publishedAt(t.minusSeconds(60)).save();
        Article main = fixtures.article("Main " + name).section(section).publishedAt(t).save();
        Article elsewhere = fixtures.article("Elsewhere " + name).section(other)
                .publishedAt(Instant.parse("2015-01-01T00:00:00Z").plusSeconds(ThreadLocalRandom.current().nextInt(1_000_000))).save();
        return new Desk(section, older, main, elsewhere);
    }

    @Test
    void anEditInvalidatesWhatShowsTheArticleAndNothingElse() {
        Desk d = desk("edit");
        String main = "/v1/articles/" + d.main().slug;
        String older = "/v1/articles/" + d.older().slug;
        String elsewhere = "/v1/articles/" + d.elsewhere().slug;
        String list = "/v1/sections/" + d.section().slug + "/articles";
        for (String path : List.of(main, older, elsewhere, list)) {
            given().get(path).then().statusCode(200);
            assertThat(cached(cache, path)).as(path).isTrue();
        }
        long before = cache.generation();

        fixtures.update(d.main(), a -> {
            a.headline = "Main edit, corrected";
            a.updatedAt = Instant.now();
        });

        assertThat(cache.generation()).isGreaterThan(before);
        droppedOrShows(cache, main, "Main edit, corrected");
        assertThat(cached(cache, list)).as("the list shows it").isFalse();
        assertThat(cached(cache, older)).as("its navigation shows it").isFalse();
        assertThat(cached(cache, elsewhere)).as("an article that does not show it stays cached").isTrue();
        given().get(main).then().body("headline", equalTo("Main edit, corrected"));
        given().get(list).then().body("items.headline", hasItem("Main edit, corrected"));
        given().get(older).then().body("navigation.next.headline", equalTo("Main edit, corrected"));
    }

    @Test
    void anEditThroughTheApiKeepsWhatDoesNotShowTheArticle() {
        Desk d = desk("api-edit");
        String elsewhere = "/v1/articles/" + d.elsewhere().slug;
        String main = "/v1/articles/" + d.main().slug;
        given().get(elsewhere).then().statusCode(200);
        given().get(main).then().statusCode(200);
        String etag = keys.asEditor().get("/v1/articles/" + d.main().id).then().statusCode(200).extract().header("ETag");
        keys.asEditor().header("If-Match", etag).contentType("application/merge-patch+json")
                .body(java.util.Map.of("headline", "Main, edited through the API")).patch("/v1/articles/" + d.main().id)
                .then().statusCode(200);
        droppedOrShows(cache, main, "Main, edited through the API");
        assertThat(cached(cache, elsewhere)).as("an article that does not show the edited one stays cached").isTrue();
        given().get(main).then().body("headline", equalTo("Main, edited through the API"));
    }

    @Test
    void anAnswerComputedAcrossAnInvalidationOfWhatItShowsGoesToItsRequestsButToNoSharedCache() {
        String key = "late-" + UUID.randomUUID();
        String request = "/v1/late-test/" + key + "?";
        Representation late = cache.get(request, () -> {
            Representation r = Representations.of("old".getBytes(StandardCharsets.UTF_8), "application/json",
                    Instant.now(), 1L, null, Set.of(key));
            cache.invalidate(Set.of(key)); // a write of what it shows commits while it is being computed
            return r;
        });
        assertThat(new String(late.body(), StandardCharsets.UTF_8)).isEqualTo("old");
        assertThat(late.cacheControl()).as("no edge may keep it after the write's purge")
                .isEqualTo(news.dispatch.web.Representations.PRIVATE_CACHE_CONTROL);
        assertThat(cache.find(request)).isNull();

        Representation fresh = cache.get(request, () -> Representations.of("new".getBytes(StandardCharsets.UTF_8),
                "application/json", Instant.now(), 2L, null, Set.of(key)));
        assertThat(fresh.cacheControl()).as("an answer kept is public as usual").isNull();
        assertThat(cache.find(request)).isNotNull();
    }

    @Test
    void aVersionInAnotherLanguageThatJoinsDropsTheAnswersShowingTheOthers() {
        Desk d = desk("translation");
        Article original = fixtures.article("Translated original").section(d.section())
                .publishedAt(d.main().publishedAt.minusSeconds(7200)).save();
        fixtures.update(original, a -> a.translationGroup = a.id);
        Article sorani = fixtures.article("Sorani version").section(d.section()).language("ckb")
                .publishedAt(d.main().publishedAt.minusSeconds(7100)).with(a -> a.translationGroup = original.id).save();
        String page = "/v1/articles/" + sorani.slug;
        given().get(page).then().statusCode(200).body("translations.language", org.hamcrest.Matchers.contains("en"));
        assertThat(cached(cache, page)).isTrue();

        fixtures.article("Arabic version").section(d.section()).language("ar")
                .publishedAt(d.main().publishedAt.minusSeconds(7000)).with(a -> a.translationGroup = original.id).save();
        given().get(page).then().statusCode(200).body("translations.language", org.hamcrest.Matchers.contains("ar", "en"));
    }

    @Test
    void publishingInvalidatesTheListsAndTheArticlesItMayShowUpIn() {
        Desk d = desk("publish");
        news.dispatch.tag.Tag shared = fixtures.tag("Publish shared " + d.section().slug, news.dispatch.tag.TagType.TOPIC);
        Article cousin = fixtures.article("Cousin in another section").section(fixtures.section("Cousins " + d.section().slug))
                .tags(shared).publishedAt(d.main().publishedAt.minusSeconds(3600)).save();
        String main = "/v1/articles/" + d.main().slug;
        String related = "/v1/articles/" + cousin.slug;
        String elsewhere = "/v1/articles/" + d.elsewhere().slug;
        String list = "/v1/sections/" + d.section().slug + "/articles";
        for (String path : List.of(main, related, elsewhere, list)) {
            given().get(path).then().statusCode(200);
            assertThat(cached(cache, path)).as(path).isTrue();
        }
        long before = cache.generation();
        Article fresh = fixtures.article("Freshly published").section(d.section()).tags(shared)
                .publishedAt(d.main().publishedAt.plusSeconds(30)).save();
        assertThat(cached(cache, list)).as("every list").isFalse();
        assertThat(nothingOlder(cache, main, before)).as("a neighbour in its section: its navigation may show it").isTrue();
        assertThat(nothingOlder(cache, related, before)).as("an article sharing a tag: its related posts may show it").isTrue();
        assertThat(cached(cache, elsewhere)).as("an article in another section with no tag in common").isTrue();
        given().get(list).then().body("items[0].slug", equalTo(fresh.slug));
        given().get(main).then().body("navigation.next.slug", equalTo(fresh.slug));
        given().get(related).then().body("related.slug", hasItem(fresh.slug));

        // taking it down again: the same answers, no others
        given().get(main).then().statusCode(200);
        given().get(related).then().statusCode(200);
        long beforeTakedown = cache.generation();
        fixtures.update(fresh, a -> a.status = news.dispatch.article.ArticleStatus.DRAFT);
        assertThat(nothingOlder(cache, main, beforeTakedown)).isTrue();
        assertThat(nothingOlder(cache, related, beforeTakedown)).isTrue();
        assertThat(cached(cache, elsewhere)).isTrue();
        given().get(main).then().body("navigation.next", org.hamcrest.Matchers.nullValue());
        given().get(related).then().body("related.slug", org.hamcrest.Matchers.not(hasItem(fresh.slug)));
    }

    @Test
    void aTagAddedToAnArticleInvalidatesTheArticlesThatTagRelatesItTo() {
        Desk d = desk("tagging");
        news.dispatch.tag.Tag shared = fixtures.tag("Tagging shared " + d.section().slug, news.dispatch.tag.TagType.TOPIC);
        Article cousin = fixtures.article("Tagged cousin").section(fixtures.section("Tagged cousins " + d.section().slug))
                .tags(shared).publishedAt(d.main().publishedAt.minusSeconds(3600)).save();
        String related = "/v1/articles/" + cousin.slug;
        String elsewhere = "/v1/articles/" + d.elsewhere().slug;
        given().get(related).then().statusCode(200).body("related.slug", org.hamcrest.Matchers.not(hasItem(d.main().slug)));
        given().get(elsewhere).then().statusCode(200);
        long before = cache.generation();
        fixtures.tagArticle(d.main(), shared);
        assertThat(nothingOlder(cache, related, before)).isTrue();
        assertThat(cached(cache, elsewhere)).isTrue();
        given().get(related).then().body("related.slug", hasItem(d.main().slug));
    }

    @Test
    void aSectionRenameInvalidatesWhatShowsTheSection() {
        Desk d = desk("rename");
        String main = "/v1/articles/" + d.main().slug;
        String elsewhere = "/v1/articles/" + d.elsewhere().slug;
        given().get(main).then().statusCode(200);
        given().get(elsewhere).then().statusCode(200);
        long before = cache.generation();
        fixtures.update(d.main(), a -> a.section.name = "Renamed desk");
        assertThat(nothingOlder(cache, main, before)).isTrue();
        assertThat(cached(cache, elsewhere)).isTrue();
        given().get(main).then().body("section.name", equalTo("Renamed desk"));
    }

    /**
     * Readers keep asking for an answer while a writer changes what it shows and invalidates its key; a computation
     * that read the old value and finishes after the invalidation must not be kept. After each invalidation returns,
     * every answer shows the new value or a newer one.
     */
    @Test
    void aResponseComputedBeforeAnInvalidationIsNeverServedAfterIt() throws Exception {
        String request = "/test/invalidation/" + UUID.randomUUID();
        String key = "test-" + UUID.randomUUID();
        AtomicLong database = new AtomicLong();
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService readers = Executors.newFixedThreadPool(4);
        List<Future<?>> running = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            running.add(readers.submit(() -> {
                while (!stop.get()) {
                    cache.get(request, () -> compute(database, key));
                }
            }));
        }
        try {
            for (int write = 1; write <= 2_000; write++) {
                database.set(write);
                cache.invalidate(Set.of(key));
                long seen = value(cache.get(request, () -> compute(database, key)));
                assertThat(seen).as("after write %d", write).isGreaterThanOrEqualTo(write);
            }
        } finally {
            stop.set(true);
            readers.shutdown();
            assertThat(readers.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        }
        for (Future<?> reader : running) {
            reader.get();
        }
    }

    /** Reads the value, then takes a little while to render it, as a real computation does. */
    private static Representation compute(AtomicLong database, String key) {
        long value = database.get();
        LockSupport.parkNanos(ThreadLocalRandom.current().nextInt(50_000));
        return Representations.of(Long.toString(value).getBytes(StandardCharsets.UTF_8), "application/json", null, null,
                null, List.of(key));
    }

    private static long value(Representation r) {
        return Long.parseLong(new String(r.body(), StandardCharsets.UTF_8));
    }

    /** The same through HTTP and the database: after an edit commits, every public read shows it. */
    @Test
    void afterAnEditCommitsEveryPublicReadShowsIt() throws Exception {
        Desk d = desk("race");
        String path = "/v1/articles/" + d.main().slug;
        String list = "/v1/sections/" + d.section().slug + "/articles";
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService readers = Executors.newFixedThreadPool(3);
        List<Future<?>> running = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String target = i == 0 ? list : path;
            running.add(readers.submit(() -> {
                while (!stop.get()) {
                    given().header("Accept-Encoding", "gzip").get(target).then().statusCode(200);
                }
            }));
        }
        try {
            for (int edit = 1; edit <= 40; edit++) {
                String headline = "Race edit " + edit;
                fixtures.update(d.main(), a -> {
                    a.headline = headline;
                    a.updatedAt = Instant.now();
                });
                given().get(path).then().body("headline", equalTo(headline));
                given().get(list).then().body("items.headline", hasItem(headline));
            }
        } finally {
            stop.set(true);
            readers.shutdown();
            assertThat(readers.awaitTermination(20, TimeUnit.SECONDS)).isTrue();
        }
        for (Future<?> reader : running) {
            reader.get();
        }
    }
}
