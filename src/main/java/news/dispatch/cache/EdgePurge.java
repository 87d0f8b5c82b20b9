package news.dispatch.cache;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;
import org.jboss.logging.Logger;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Purges what a committed write touched at the configured edges (decision 088): for each URL of
 * {@code DISPATCH_PURGE_URLS}, a {@code PURGE} request whose {@code xkey-purge} header names the purge keys, as the
 * Varnish configuration under {@code deploy/varnish/} takes it ({@code *} for everything). Sent after commit by the
 * instance that wrote, in the background; a failed purge is tried again after 0.25, 1 and 4 s, then counted in
 * {@code dispatch_edge_purges_total{outcome="failed"}} (an alert rule in docs/operations.md watches it).
 */
@Singleton
public class EdgePurge {

    private static final Logger LOG = Logger.getLogger(EdgePurge.class);
    /** Keys per request: a header of at most about 4 KB, within every proxy's limits. */
    static final int MAX_HEADER = 4000;
    private static final long[] RETRY_MILLIS = {250, 1000, 4000};

    private final List<URI> edges;
    private final HttpClient client;
    private final Counter purged;
    private final Counter failed;
    private final Counter retried;

    public EdgePurge(CacheConfig config, MeterRegistry registry) {
        this.edges = config.purgeUrls().orElse(List.of()).stream().map(String::trim).filter(u -> !u.isEmpty())
                .map(URI::create).toList();
        this.client = edges.isEmpty() ? null : HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        this.purged = outcome(registry, "ok");
        this.failed = outcome(registry, "failed");
        this.retried = Counter.builder("dispatch.edge.purge.retries")
                .description("Purge requests to an edge sent again after a failure").register(registry);
    }

    private static Counter outcome(MeterRegistry registry, String outcome) {
        return Counter.builder("dispatch.edge.purges").tag("outcome", outcome)
                .description("Purges of the edges' caches after a write, by outcome (after retries)").register(registry);
    }

    /** Whether any edge is configured. */
    public boolean enabled() {
        return !edges.isEmpty();
    }

    /** Purges these keys at every edge, in the background; the futures complete when each edge answered or gave up. */
    public List<CompletableFuture<Boolean>> purge(Collection<String> keys) {
        if (edges.isEmpty() || keys.isEmpty()) {
            return List.of();
        }
        List<CompletableFuture<Boolean>> sent = new ArrayList<>();
        List<String> headers = keys.contains(ContentCache.ALL_KEY) ? List.of(ContentCache.ALL_KEY) : batches(keys);
        for (URI edge : edges) {
            for (String header : headers) {
                sent.add(send(edge, header, 0));
            }
        }
        return sent;
    }

    /** The keys joined by spaces, in headers of at most {@link #MAX_HEADER} characters. */
    static List<String> batches(Collection<String> keys) {
        List<String> batches = new ArrayList<>();
        StringBuilder batch = new StringBuilder();
        for (String key : keys) {
            if (batch.length() > 0 && batch.length() + 1 + key.length() > MAX_HEADER) {
                batches.add(batch.toString());
                batch.setLength(0);
            }
            if (batch.length() > 0) {
                batch.append(' ');
            }
            batch.append(key);
        }
        if (batch.length() > 0) {
            batches.add(batch.toString());
        }
        return batches;
    }

    private CompletableFuture<Boolean> send(URI edge, String keys, int attempt) {
        HttpRequest request = HttpRequest.newBuilder(edge).method("PURGE", HttpRequest.BodyPublishers.noBody())
                .header("xkey-purge", keys).timeout(Duration.ofSeconds(5)).build();
        return client.sendAsync(request, HttpResponse.BodyHandlers.discarding())
                .handle((response, error) -> error == null && response.statusCode() / 100 == 2)
                .thenCompose(ok -> {
                    if (ok) {
                        purged.increment();
                        return CompletableFuture.completedFuture(true);
                    }
                    if (attempt >= RETRY_MILLIS.length) {
                        failed.increment();
                        LOG.warnf("Could not purge %s at the edge %s after %d attempts", abbreviate(keys), edge, attempt + 1);
                        return CompletableFuture.completedFuture(false);
                    }
                    retried.increment();
                    return CompletableFuture.supplyAsync(() -> null,
                                    CompletableFuture.delayedExecutor(RETRY_MILLIS[attempt], TimeUnit.MILLISECONDS))
                            .thenCompose(ignored -> send(edge, keys, attempt + 1));
                });
    }

    private static String abbreviate(String keys) {
        return keys.length() <= 120 ? keys : keys.substring(0, 117) + "...";
    }
}
