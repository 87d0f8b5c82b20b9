package news.dispatch.change;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import news.dispatch.article.ArticleStatus;
import news.dispatch.section.Section;
import news.dispatch.tag.Tag;
import news.dispatch.tag.TagType;
import news.dispatch.testsupport.ContentChanges;
import news.dispatch.testsupport.Fixtures;
import news.dispatch.testsupport.TestClock;
import news.dispatch.testsupport.TestKeys;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A partner builds its copy only from the change feed while hundreds of random edits, publishes,
 * unpublishes, rights changes, moves, deletions, tag merges and renames of tags and sections run,
 * several at once, and the partner reads the feed all along, fetching each story the feed says is
 * its to show. At the end its copy equals what the article list shows that partner (the same rule
 * written in JPQL), sections and tags as they are named now included, with every entry applied once.
 */
@QuarkusTest
class ChangeFeedReplicaTest {

    static final int ARTICLES = 40;
    static final int OPERATIONS = 400;
    static final int WRITERS = 4;
    /** What the partner keeps of a story: enough to see a missed rename or retag. */
    static final String FIELDS = "id,slug,section,tags";

    @Inject
    Fixtures fixtures;
    @Inject
    ContentChanges changes;
    @Inject
    DueChanges due;
    @Inject
    TestKeys keys;

    @AfterEach
    void resetClock() {
        TestClock.reset();
    }

    /** The partner's side: a copy keyed by article id, built from nothing but the feed and article reads. */
    final class Replica {
        final Map<UUID, String> copy = new HashMap<>();
        final Set<Long> applied = new HashSet<>();
        final String caller;
        final boolean fetch;
        long lastSeq;
        String cursor;

        Replica(String caller, String cursor, boolean fetch) {
            this.caller = caller;
            this.cursor = cursor;
            this.fetch = fetch;
        }

        /** Reads until the feed is drained; returns how many entries it applied. */
        int sync() {
            int count = 0;
            while (true) {
                JsonPath page = keys.as(caller).queryParam("since", cursor).queryParam("limit", 37).get("/v1/changes")
                        .then().statusCode(200).extract().jsonPath();
                List<Map<String, Object>> items = page.getList("items");
                // What each story of the page ends as; a story to show is read once, after the page (its latest state).
                Map<UUID, Boolean> outcome = new LinkedHashMap<>();
                for (Map<String, Object> item : items) {
                    long seq = ((Number) item.get("seq")).longValue();
                    assertThat(seq).as("commit order").isGreaterThan(lastSeq);
                    assertThat(applied.add(seq)).as("entry %s applied once", seq).isTrue();
                    lastSeq = seq;
                    outcome.put(UUID.fromString((String) item.get("id")), (Boolean) item.get("visible"));
                    count++;
                }
                outcome.forEach((id, visible) -> {
                    String story = visible && fetch ? read(id) : visible ? id.toString() : null;
                    if (story == null) {
                        copy.remove(id);
                    } else {
                        copy.put(id, story);
                    }
                });
                cursor = page.getString("next");
                if (items.isEmpty()) {
                    return count;
                }
            }
        }

        /** The story as the partner reads it now, or null when it is no longer the partner's (404, or 410 once deleted). */
        private String read(UUID id) {
            Response response = keys.as(caller).queryParam("fields", FIELDS).get("/v1/articles/" + id);
            assertThat(response.statusCode()).as("article read").isIn(200, 404, 410);
            return response.statusCode() != 200 ? null : story(response.jsonPath().getMap("$"));
        }
    }

    /** A story as the test compares it: slug, section slug and name, tag slugs and names. */
    static String story(Map<String, Object> article) {
        return article.get("slug") + " " + article.get("section") + " " + article.get("tags");
    }

    @Test
    void partnerCopyFromTheChangeFeedEqualsWhatThePartnerMaySee() throws Exception {
        Random random = new Random(20210710L);
        Section s1 = fixtures.section("Replica one");
        Section s2 = fixtures.section("Replica two");
        Section s3 = fixtures.section("Replica three");
        List<Section> sections = List.of(s1, s2, s3);
        Tag run = fixtures.tag("Replica run", TagType.TOPIC);
        Tag a = fixtures.tag("Replica a", TagType.TOPIC);
        Tag b = fixtures.tag("Replica b", TagType.TOPIC);
        // Entitled, then merged away during the run: its stories leave the partner's share.
        Tag c = fixtures.tag("Replica c", TagType.TOPIC);
        String partner = keys.partner(false, List.of(s1.slug, s2.slug), List.of(a.slug, c.slug));
        String anyPartner = keys.partner();

        String start = keys.asEditor().get("/v1/changes").then().statusCode(200).extract().path("next");
        // Start from the true head: drain whatever other tests left.
        Replica probe = new Replica(keys.editor(), start, false);
        probe.sync();
        Replica replica = new Replica(partner, probe.cursor, true);
        Replica open = new Replica(anyPartner, probe.cursor, true);

        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < ARTICLES; i++) {
            Tag second = List.of(a, b, c).get(random.nextInt(3));
            var builder = fixtures.article("Replica story " + i).section(sections.get(random.nextInt(3))).tags(run, second);
            if (random.nextInt(4) == 0) {
                builder.status(ArticleStatus.DRAFT);
            }
            ids.add(changes.create(builder).id);
        }

        Set<UUID> deleted = ConcurrentHashMap.newKeySet();
        AtomicBoolean writing = new AtomicBoolean(true);
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS + 1);
        Future<?> reader = pool.submit(() -> {
            while (writing.get()) {
                replica.sync();
            }
            return null;
        });
        List<Future<?>> writers = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            long seed = random.nextLong();
            boolean mergesC = w == 0;
            writers.add(pool.submit(() -> {
                Random r = new Random(seed);
                for (int op = 0; op < OPERATIONS / WRITERS; op++) {
                    if (mergesC && op == OPERATIONS / WRITERS / 2) {
                        merge(c, b);
                    }
                    UUID id = ids.get(r.nextInt(ids.size()));
                    if (deleted.contains(id)) {
                        continue;
                    }
                    switch (r.nextInt(12)) {
                        case 0, 1 -> changes.edit(id, "Edited " + op);
                        case 2 -> changes.publish(id);
                        case 3 -> changes.unpublish(id);
                        case 4 -> changes.rights(id, r.nextInt(3) > 0,
                                r.nextBoolean() ? null : TestClock.now().plus(Duration.ofMinutes(r.nextInt(120) - 60)));
                        case 5 -> changes.move(id, sections.get(r.nextInt(3)));
                        case 6 -> changes.retag(id, r.nextBoolean() ? List.of(run, a) : List.of(run, b));
                        case 7 -> changes.rename(id, Fixtures.unique("replica-renamed"));
                        case 8 -> {
                            if (r.nextInt(4) == 0) {
                                changes.delete(id);
                                deleted.add(id);
                            } else {
                                changes.publish(id);
                            }
                        }
                        case 9 -> {
                            // A tag made for a few stories, then merged into one the partner may or may not take.
                            Tag merged = fixtures.tag("Replica merged", TagType.TOPIC);
                            for (int i = 0; i < 3; i++) {
                                UUID tagged = ids.get(r.nextInt(ids.size()));
                                if (!deleted.contains(tagged)) {
                                    changes.retag(tagged, List.of(run, merged));
                                }
                            }
                            merge(merged, r.nextBoolean() ? a : b);
                        }
                        case 10 -> {
                            Tag renamed = r.nextBoolean() ? a : b;
                            rename("/v1/tags/" + renamed.id, "Replica tag");
                        }
                        case 11 -> rename("/v1/sections/" + sections.get(r.nextInt(3)).id, "Replica section");
                        default -> changes.edit(id, "Edited again " + op);
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : writers) {
            f.get(5, TimeUnit.MINUTES);
        }
        writing.set(false);
        reader.get(1, TimeUnit.MINUTES);
        pool.shutdown();

        // Embargoes set in the past hour of the random run have passed, those in the next hour pass now.
        TestClock.advance(Duration.ofHours(2));
        due.run();
        replica.sync();
        open.sync();

        assertThat(replica.copy).isEqualTo(visibleTo(partner, run));
        // A partner without limits also sees other tests' stories: compare this run's share only.
        Map<UUID, String> openMine = new HashMap<>(open.copy);
        openMine.keySet().retainAll(ids);
        assertThat(openMine).isEqualTo(visibleTo(anyPartner, run));
        assertThat(replica.copy).isNotEmpty();
        assertThat(openMine.size()).isGreaterThan(replica.copy.size());
        // The stories that only carried c when it was merged away are no longer the partner's.
        keys.asEditor().get("/v1/tags/" + c.id).then().statusCode(404);
    }

    /** Merges one tag into another through the API, as an editor. */
    private void merge(Tag from, Tag into) {
        keys.asEditor().contentType(ContentType.JSON).body(Map.of("into", into.id.toString()))
                .post("/v1/tags/" + from.id + "/merge").then().statusCode(200).body("id", org.hamcrest.Matchers.equalTo(into.id.toString()));
    }

    /** Gives a tag or section a new name and slug through the API, as an editor, retrying when another writer was first. */
    private void rename(String path, String prefix) {
        while (true) {
            String etag = keys.asEditor().get(path).then().statusCode(200).extract().header("ETag");
            String name = Fixtures.unique(prefix);
            int status = keys.asEditor().header("If-Match", etag).contentType("application/merge-patch+json")
                    .body(Map.of("name", name, "slug", name)).patch(path).then().extract().statusCode();
            if (status == 200) {
                return;
            }
            assertThat(status).as("a rename either succeeds or lost a race").isEqualTo(412);
        }
    }

    /** What the article list shows this caller among the run's articles, as id → story. */
    private Map<UUID, String> visibleTo(String caller, Tag run) {
        Map<UUID, String> visible = new HashMap<>();
        String cursor = null;
        do {
            var request = keys.as(caller).queryParam("tag", run.slug).queryParam("limit", 100).queryParam("fields", FIELDS);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get("/v1/articles").then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> items = page.getList("items");
            items.forEach(i -> visible.put(UUID.fromString((String) i.get("id")), story(i)));
            cursor = page.getString("page.next");
        } while (cursor != null);
        return visible;
    }
}
