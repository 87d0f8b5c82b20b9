package news.dispatch.cache;

import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import news.dispatch.article.Article;
import news.dispatch.testsupport.FreshDatabaseProfile;
import news.dispatch.testsupport.Fixtures;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * After a write commits, the instance that wrote purges the touched keys at the configured edges
 * (docs/decisions/088-edge-purge.md), trying again when an edge fails. The edge is a real HTTP server here.
 */
@QuarkusTest
@TestProfile(EdgePurgeTest.WithEdge.class)
class EdgePurgeTest {

    static final int PORT = freePort();

    /** The application with one edge to purge, on a port taken before it starts. */
    public static class WithEdge extends FreshDatabaseProfile {
        @Override
        protected Map<String, String> extra() {
            return Map.of("dispatch.cache.purge-urls", "http://127.0.0.1:" + PORT + "/");
        }
    }

    private static final List<String> PURGES = new CopyOnWriteArrayList<>();
    private static final AtomicInteger FAILURES_TO_GIVE = new AtomicInteger();
    private static HttpServer edge;

    @Inject
    Fixtures fixtures;

    @Inject
    MeterRegistry registry;

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @BeforeAll
    static void startEdge() throws IOException {
        edge = HttpServer.create(new InetSocketAddress("127.0.0.1", PORT), 16);
        edge.createContext("/", exchange -> {
            int status = 200;
            if (FAILURES_TO_GIVE.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                status = 503;
            } else {
                PURGES.add(exchange.getRequestMethod() + " " + exchange.getRequestHeaders().getFirst("xkey-purge"));
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        edge.start();
    }

    @AfterAll
    static void stopEdge() {
        edge.stop(0);
    }

    private static void await(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as(what).isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    private double purges(String outcome) {
        var counter = registry.find("dispatch.edge.purges").tag("outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void aCommittedEditPurgesItsKeysAtTheEdge() throws Exception {
        Article article = fixtures.article("Purged at the edge").publishedAt(Instant.parse("2024-05-01T08:00:00Z")).save();
        PURGES.clear();
        fixtures.update(article, a -> a.headline = "Purged at the edge, edited");
        await(() -> PURGES.stream().anyMatch(p -> p.contains("article-" + article.id)), "the edge hears of the edit");
        String purge = PURGES.stream().filter(p -> p.contains("article-" + article.id)).findFirst().orElseThrow();
        assertThat(purge).startsWith("PURGE ").contains(" search");
    }

    @Inject
    ContentCache cache;

    @Test
    void aWriteHeardFromAnotherInstanceIsPurgedAgainOnceDroppedHere() throws Exception {
        PURGES.clear();
        String key = "article-" + java.util.UUID.randomUUID();
        // what PurgeBroadcast does with another instance's notification: this instance served the old answers until now
        cache.heard(java.util.Set.of(key, "search"));
        await(() -> PURGES.stream().anyMatch(p -> p.contains(key)), "the edge hears of it from this instance too");
        // a notification that clears everything (a listener back from a lost connection) purges nothing at the edges
        PURGES.clear();
        cache.heard(java.util.Set.of(ContentCache.ALL_KEY));
        Thread.sleep(300);
        assertThat(PURGES).isEmpty();
    }

    @Test
    void aFailingEdgeIsTriedAgain() throws Exception {
        Article article = fixtures.article("Purged after a failure").publishedAt(Instant.parse("2024-05-02T08:00:00Z")).save();
        double failed = purges("failed");
        PURGES.clear();
        FAILURES_TO_GIVE.set(2);
        fixtures.update(article, a -> a.headline = "Purged after a failure, edited");
        await(() -> PURGES.stream().anyMatch(p -> p.contains("article-" + article.id)), "the third attempt gets through");
        assertThat(purges("failed")).as("not given up").isEqualTo(failed);
        assertThat(registry.find("dispatch.edge.purge.retries").counter().count()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void longListsOfKeysGoInSeveralRequests() {
        List<String> keys = new java.util.ArrayList<>();
        for (int i = 0; i < 300; i++) {
            keys.add("article-" + java.util.UUID.randomUUID());
        }
        List<String> batches = EdgePurge.batches(keys);
        assertThat(batches).hasSizeGreaterThan(1);
        assertThat(batches).allSatisfy(b -> assertThat(b.length()).isLessThanOrEqualTo(EdgePurge.MAX_HEADER));
        assertThat(String.join(" ", batches).split(" ")).containsExactlyElementsOf(keys);
    }
}
