package news.dispatch.change;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import news.dispatch.access.Role;
import news.dispatch.article.Article;
import news.dispatch.article.ArticleStatus;
import news.dispatch.section.Section;
import news.dispatch.tag.Tag;
import news.dispatch.tag.TagType;
import news.dispatch.testsupport.ContentChanges;
import news.dispatch.testsupport.Fixtures;
import news.dispatch.testsupport.TestCallers;
import news.dispatch.testsupport.TestClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
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

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A partner builds its copy only from the change feed while hundreds of random edits, publishes,
 * unpublishes, rights changes, moves and deletions run, several at once, and the partner reads the
 * feed all along. At the end its copy equals what the article list shows that partner (the same
 * rule written in JPQL), with every entry applied once.
 */
@QuarkusTest
class ChangeFeedReplicaTest {

    static final int ARTICLES = 40;
    static final int OPERATIONS = 400;
    static final int WRITERS = 4;

    @Inject
    Fixtures fixtures;
    @Inject
    ContentChanges changes;
    @Inject
    DueChanges due;

    @AfterEach
    void resetClock() {
        TestClock.reset();
    }

    /** The partner's side: a copy keyed by article id, built from nothing but the feed. */
    static final class Replica {
        final Map<UUID, String> copy = new HashMap<>();
        final Set<Long> applied = new HashSet<>();
        long lastSeq;
        String cursor;
        final String caller;

        Replica(String caller, String cursor) {
            this.caller = caller;
            this.cursor = cursor;
        }

        /** Reads until the feed is drained; returns how many entries it applied. */
        int sync() {
            int count = 0;
            while (true) {
                JsonPath page = given().queryParam("since", cursor).queryParam("limit", 37)
                        .header(TestCallers.HEADER, caller).get("/v1/changes")
                        .then().statusCode(200).extract().jsonPath();
                List<Map<String, Object>> items = page.getList("items");
                for (Map<String, Object> item : items) {
                    long seq = ((Number) item.get("seq")).longValue();
                    assertThat(seq).as("commit order").isGreaterThan(lastSeq);
                    assertThat(applied.add(seq)).as("entry %s applied once", seq).isTrue();
                    lastSeq = seq;
                    UUID id = UUID.fromString((String) item.get("id"));
                    if ((Boolean) item.get("visible")) {
                        copy.put(id, (String) item.get("slug"));
                    } else {
                        copy.remove(id);
                    }
                    count++;
                }
                cursor = page.getString("next");
                if (items.isEmpty()) {
                    return count;
                }
            }
        }
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
        String partner = TestCallers.header(Role.PARTNER, false, Set.of(s1.id, s2.id), Set.of(a.id));
        String anyPartner = TestCallers.partner();

        String start = given().header(TestCallers.HEADER, TestCallers.editor()).get("/v1/changes")
                .then().statusCode(200).extract().path("next");
        // Start from the true head: drain whatever other tests left.
        Replica probe = new Replica(TestCallers.editor(), start);
        probe.sync();
        Replica replica = new Replica(partner, probe.cursor);
        Replica open = new Replica(anyPartner, probe.cursor);

        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < ARTICLES; i++) {
            var builder = fixtures.article("Replica story " + i).section(sections.get(random.nextInt(3)))
                    .tags(random.nextBoolean() ? new Tag[]{run, a} : new Tag[]{run, b});
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
            writers.add(pool.submit(() -> {
                Random r = new Random(seed);
                for (int op = 0; op < OPERATIONS / WRITERS; op++) {
                    UUID id = ids.get(r.nextInt(ids.size()));
                    if (deleted.contains(id)) {
                        continue;
                    }
                    switch (r.nextInt(10)) {
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
    }

    /** What the article list shows this caller among the run's articles, as id → slug. */
    private static Map<UUID, String> visibleTo(String caller, Tag run) {
        Map<UUID, String> visible = new HashMap<>();
        String cursor = null;
        do {
            var request = given().queryParam("tag", run.slug).queryParam("limit", 100).header(TestCallers.HEADER, caller);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get("/v1/articles").then().statusCode(200).extract().jsonPath();
            List<Map<String, Object>> items = page.getList("items");
            items.forEach(i -> visible.put(UUID.fromString((String) i.get("id")), (String) i.get("slug")));
            cursor = page.getString("page.next");
        } while (cursor != null);
        return visible;
    }
}
