package news.dispatch.article;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import news.dispatch.cache.ContentCache;
import news.dispatch.section.Section;
import news.dispatch.tag.Tag;
import news.dispatch.tag.TagType;
import news.dispatch.testsupport.Fixtures;
import news.dispatch.testsupport.TestKeys;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * A cached page whose navigation or related posts show a story that changed is put together again with the story's
 * new summary (decision 173): what it serves is byte for byte what computing it now gives, and a change that moves a
 * story in or out of the page still drops it.
 */
@QuarkusTest
class ArticleComposerTest {

    @Inject
    Fixtures fixtures;
    @Inject
    TestKeys keys;
    @Inject
    ContentCache cache;
    @Inject
    MeterRegistry registry;

    private record Desk(Article older, Article main, Article linked) {
    }

    /** Two stories of one section (the older's navigation shows the main one) and one that shares a tag with the main. */
    private Desk desk(String name) {
        Section section = fixtures.section("Compose " + name);
        Tag tag = fixtures.tag("Compose " + name, TagType.TOPIC);
        Instant t = Instant.parse("2016-03-01T08:00:00Z").plusSeconds(ThreadLocalRandom.current().nextInt(1_000_000));
        Article older = fixtures.article("Older " + name).section(section).publishedAt(t.minusSeconds(60)).save();
        Article main = fixtures.article("Main " + name).section(section).tags(tag).publishedAt(t).save();
        Article linked = fixtures.article("Linked " + name).tags(tag).publishedAt(t.minusSeconds(3600)).save();
        return new Desk(older, main, linked);
    }

    private static String page(Article a) {
        return "/v1/articles/" + a.slug;
    }

    private double compositions(String outcome) {
        var counter = registry.find("dispatch_cache_compositions_total").tag("outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    private void edit(Article a, String headline) {
        String etag = keys.asEditor().get("/v1/articles/" + a.id).then().statusCode(200).extract().header("ETag");
        keys.asEditor().header("If-Match", etag).contentType("application/merge-patch+json")
                .body(Map.of("headline", headline)).patch("/v1/articles/" + a.id)
                .then().log().ifValidationFails().statusCode(200);
    }

    private static ExtractableResponse<Response> read(String path) {
        return given().header("Accept-Encoding", "identity").get(path).then().statusCode(200).extract();
    }

    /** The page served now, then the page computed anew with nothing cached: the same bytes and validators. */
    private void assertSameAsComputedNow(String path, ExtractableResponse<Response> served) {
        cache.invalidateAll();
        ExtractableResponse<Response> computed = read(path);
        assertThat(served.asByteArray()).isEqualTo(computed.asByteArray());
        assertThat(served.header("ETag")).isEqualTo(computed.header("ETag"));
        assertThat(served.header("Last-Modified")).isEqualTo(computed.header("Last-Modified"));
        assertThat(served.header("Surrogate-Key")).isEqualTo(computed.header("Surrogate-Key"));
    }

    @Test
    void aPageWhoseNavigationShowsAnEditedStoryIsPutTogetherAsComputingItWould() {
        Desk d = desk("navigation");
        String older = page(d.older());
        read(older);
        assertThat(cache.find(older + "?")).isNotNull();
        double composed = compositions("composed");

        edit(d.main(), "Main navigation, edited");

        ExtractableResponse<Response> served = read(older);
        assertThat(served.jsonPath().getString("navigation.next.headline")).isEqualTo("Main navigation, edited");
        assertThat(compositions("composed")).isGreaterThan(composed);
        assertThat(cache.find(older + "?")).as("kept again").isNotNull();
        assertSameAsComputedNow(older, served);
    }

    @Test
    void aPageWhoseRelatedPostsShowAnEditedStoryIsPutTogetherAsComputingItWould() {
        Desk d = desk("related");
        String linked = page(d.linked());
        read(linked).jsonPath().getList("related.headline").contains("Main related");
        double composed = compositions("composed");

        edit(d.main(), "Main related, edited");
        edit(d.main(), "Main related, edited twice");

        ExtractableResponse<Response> served = read(linked);
        assertThat(served.jsonPath().getList("related.headline", String.class)).contains("Main related, edited twice");
        assertThat(served.jsonPath().getList("related.relation", String.class)).containsOnly("related");
        assertThat(compositions("composed")).isGreaterThan(composed);
        assertSameAsComputedNow(linked, served);
    }

    @Test
    void theCompressedPageIsTheComposedOne() {
        Desk d = desk("gzip");
        String older = page(d.older());
        read(older);
        given().get(older).then().statusCode(200); // its gzip, made and kept with the entry
        edit(d.main(), "Main gzip, edited");
        given().header("Accept-Encoding", "gzip").get(older).then().statusCode(200).header("Content-Encoding", "gzip")
                .body("navigation.next.headline", equalTo("Main gzip, edited"));
    }

    @Test
    void aHeadlineEditLeavesTheListsThatDoNotShowTheStory() {
        Desk d = desk("lists");
        Section elsewhere = fixtures.section("Compose lists elsewhere");
        fixtures.article("Elsewhere lists").section(elsewhere).publishedAt(Instant.parse("2016-01-01T08:00:00Z")).save();
        String list = "/v1/sections/" + elsewhere.slug + "/articles";
        given().get(list).then().statusCode(200);
        assertThat(cache.find(list + "?")).isNotNull();

        // the story has tags (and a saved edit keeps them in the same order): its tags are not rewritten, so the
        // write touches the story and search results, not every list
        edit(d.main(), "Main lists, edited");

        assertThat(cache.find(list + "?")).as("a list that does not show the story").isNotNull();
        given().get("/v1/sections/" + d.main().section.slug + "/articles").then().statusCode(200)
                .body("items[0].headline", equalTo("Main lists, edited"));
    }

    @Test
    void aLinkedStoryPutUnderEmbargoIsLeftOutAsComputingThePageWould() {
        Article page = fixtures.article("Compose curated page").publishedAt(Instant.parse("2015-05-01T08:00:00Z")).save();
        Article linked = fixtures.article("Compose curated link").publishedAt(Instant.parse("2015-04-01T08:00:00Z")).save();
        fixtures.relate(page, linked, 0, Relation.BACKGROUND);
        String path = page(page);
        given().get(path).then().statusCode(200).body("related.headline", org.hamcrest.Matchers.hasItem("Compose curated link"));

        // the write touches the linked story's key, its lists, navigation and tags' related posts: of those the page
        // carries only the story's key (it shares no section or tag with it), so it is only outdated
        fixtures.update(linked, a -> a.embargoUntil = Instant.now().plus(Duration.ofHours(1)));

        given().get(path).then().statusCode(200)
                .body("related.headline", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasItem("Compose curated link")));
    }

    @Test
    void aStoryTakenOutOfThePageDropsItInstead() {
        Desk d = desk("takedown");
        String older = page(d.older());
        read(older).jsonPath().getString("navigation.next.slug").equals(d.main().slug);
        double composed = compositions("composed");

        fixtures.update(d.main(), a -> a.status = ArticleStatus.DRAFT);

        given().get(older).then().statusCode(200).body("navigation.next", equalTo(null));
        assertThat(compositions("composed")).isEqualTo(composed);
    }

    @Test
    void everyReadAfterAnEditShowsItWhileOthersReadAndEdit() throws InterruptedException {
        Desk d = desk("race");
        String older = page(d.older());
        String linked = page(d.linked());
        AtomicBoolean done = new AtomicBoolean();
        List<Thread> readers = new ArrayList<>();
        for (String path : List.of(older, older, linked)) {
            Thread reader = new Thread(() -> {
                while (!done.get()) {
                    given().get(path).then().statusCode(200);
                }
            });
            reader.start();
            readers.add(reader);
        }
        try {
            for (int i = 0; i < 15; i++) {
                String headline = "Main race " + i;
                edit(d.main(), headline);
                assertThat(read(older).jsonPath().getString("navigation.next.headline")).isEqualTo(headline);
                assertThat(read(linked).jsonPath().getList("related.headline", String.class)).contains(headline);
            }
        } finally {
            done.set(true);
            for (Thread reader : readers) {
                reader.join(Duration.ofSeconds(10).toMillis());
            }
        }
        assertThat(compositions("composed")).isPositive();
    }
}
