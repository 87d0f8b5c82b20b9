package news.dispatch.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import io.netty.util.AsciiString;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.ws.rs.core.UriInfo;
import news.dispatch.ops.UnmatchedRoutes;
import news.dispatch.web.CanonicalRequest;
import news.dispatch.web.HeaderValues;
import news.dispatch.web.Representation;
import news.dispatch.web.Representations;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The application cache of public (anonymous) responses: the lists that every app start and every
 * pull-to-refresh asks for, single articles and their related posts, search results, feeds and
 * change-feed pages (decisions 042, 062, 050). A hit costs no SQL statement.
 * <p>
 * Correct by construction (docs/decisions/042-http-caching.md):
 * <ul>
 *   <li>Every entry is keyed by a generation number read <em>before</em> the response was computed;
 *       {@link #invalidateAll()} moves the generation on, so a response computed from data older
 *       than the last write can never be served, even if it is stored after the invalidation.</li>
 *   <li>Writes through Hibernate entities invalidate by themselves after commit
 *       ({@link ContentWriteInterceptor}), except those of entities marked {@link NotContent};
 *       other writes fire {@link ContentChanged} or call {@link #invalidateAll()} after commit.</li>
 *   <li>A short time-to-live ({@code dispatch.cache.ttl}) bounds staleness for anything else, such
 *       as a write made by another instance.</li>
 * </ul>
 * The cache is bounded by the memory its entries take ({@code dispatch.cache.max-megabytes}), not by
 * their number (a feed is fifty times a related-posts list), and does its upkeep on the threads that
 * use it rather than handing it to another thread (docs/decisions/067-cache-bounded-by-bytes.md).
 */
@ApplicationScoped
public class ContentCache {

    public static final String NAME = "article-lists";

    /** The generation and the request; equality written out (a record's goes through method handles, on every lookup). */
    private static final class Key {
        private final long generation;
        private final String request;
        private final int hash;

        Key(long generation, String request) {
            this.generation = generation;
            this.request = request;
            this.hash = 31 * Long.hashCode(generation) + request.hashCode();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key k && k.generation == generation && k.hash == hash && k.request.equals(request);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    /**
     * A kept response, the route template of the operation that computed it (for metrics and the access
     * log), and its public caching headers (those of a 200, and the fewer of a 304) and content type
     * encoded once for the early answers ({@link CachedAnswers}), so a hit neither formats dates nor joins
     * surrogate keys again.
     */
    public record Entry(Representation representation, String route, List<Header> headers,
                        List<Header> notModifiedHeaders, CharSequence contentType) {
    }

    /** A response header ready to send: US-ASCII values as Netty's {@link AsciiString}, which is written without re-encoding. */
    public record Header(CharSequence name, CharSequence value) {
    }

    private final Cache<Key, Entry> cache;
    private final Representations representations;
    private final AtomicLong generation = new AtomicLong();
    /** The responses being computed now, by key: a second request for one waits for it (see {@link #get(String, Supplier)}). */
    private final ConcurrentHashMap<Key, Computation> computing = new ConcurrentHashMap<>();

    public ContentCache(CacheConfig config, Representations representations, MeterRegistry registry) {
        this.cache = Caffeine.newBuilder()
                .maximumWeight(config.maxMegabytes() * 1024L * 1024L)
                .weigher((Key key, Entry entry) -> weight(key, entry))
                .expireAfter(new SpreadExpiry(config.ttl()))
                .executor(Runnable::run) // upkeep on the caller: no wake-up of a pool thread every few reads
                .recordStats()
                .build();
        this.representations = representations;
        CaffeineCacheMetrics.monitor(registry, cache, NAME);
    }

    /**
     * Each entry lives between 80 % and 100 % of the time-to-live, at random: entries written together
     * (a warm-up, the first minute after a deploy or a write) do not all expire in the same instant and
     * get recomputed at once, in a stampede (docs/benchmarks.md, finding 14). Never longer than the
     * time-to-live, so no reader gets a response older than before.
     */
    static final class SpreadExpiry implements Expiry<Object, Object> {
        private final long ttlNanos;

        SpreadExpiry(Duration ttl) {
            this.ttlNanos = Math.max(1, ttl.toNanos());
        }

        long lifetime() {
            return ttlNanos - (long) (ThreadLocalRandom.current().nextDouble() * 0.2 * ttlNanos);
        }

        @Override
        public long expireAfterCreate(Object key, Object value, long currentTime) {
            return lifetime();
        }

        @Override
        public long expireAfterUpdate(Object key, Object value, long currentTime, long currentDuration) {
            return lifetime();
        }

        @Override
        public long expireAfterRead(Object key, Object value, long currentTime, long currentDuration) {
            return currentDuration; // reading does not extend a life
        }
    }

    /** An estimate of the heap an entry holds: body, header values (as strings and as bytes), key, objects. */
    static int weight(Key key, Entry entry) {
        Representation r = entry.representation();
        long bytes = r.body().length + 2L * key.request.length() + 512;
        for (Header header : entry.headers()) {
            bytes += 3L * header.value().length() + 64; // the value as a string and as ASCII bytes
        }
        return (int) Math.min(Integer.MAX_VALUE, bytes);
    }

    /**
     * The cache key of the request being served: its canonical path and query ({@link CanonicalRequest}), never
     * anything of {@code Host} or another header (the {@code uri} of the operation is not read for it).
     */
    public static String requestKey(UriInfo uri) {
        return CanonicalRequest.current();
    }

    /**
     * The response to a request: from the cache (or computed, then cached) when it is public; always
     * computed for a keyed request, whose answer depends on the caller and is never kept.
     */
    public Representation get(UriInfo uri, boolean keyed, Supplier<Representation> compute) {
        return keyed ? compute.get() : get(requestKey(uri), compute);
    }

    /**
     * The cached response for this request key, or the computed one (then cached). Requests for a key that is being
     * computed wait for that computation and share its result or its failure, so a slow answer is computed once and not
     * once per waiting request (docs/benchmarks.md finding 15). A failure is not cached: the next request computes again.
     */
    public Representation get(String request, Supplier<Representation> compute) {
        long current = generation.get();
        Representation hit = find(current, request);
        if (hit != null) {
            return hit;
        }
        Key key = new Key(current, request);
        Computation mine = new Computation(Thread.currentThread());
        Computation running = computing.putIfAbsent(key, mine);
        if (running != null && running.thread != Thread.currentThread()) {
            return running.await();
        }
        if (running != null) { // the same request computed again from within its own computation: no waiting on itself
            return compute.get();
        }
        try {
            Representation computed = compute.get();
            put(current, request, computed);
            mine.result.complete(computed);
            return computed;
        } catch (RuntimeException | Error e) {
            mine.result.completeExceptionally(e);
            throw e;
        } finally {
            computing.remove(key, mine);
        }
    }

    /** A computation of a response in progress, on the request thread that does it. */
    private static final class Computation {
        final Thread thread;
        final CompletableFuture<Representation> result = new CompletableFuture<>();

        Computation(Thread thread) {
            this.thread = thread;
        }

        /** The computed response, or the computation's own exception (so that it maps to the same answer). */
        Representation await() {
            try {
                return result.join();
            } catch (CompletionException e) {
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                if (e.getCause() instanceof Error error) {
                    throw error;
                }
                throw e;
            }
        }
    }

    /**
     * The cached response for this request key in this generation, or null. With {@link #put}, for
     * requests whose answer is not always cacheable (a redirect): read {@link #generation()} first,
     * look up, compute, and put under the generation read before computing.
     */
    public Representation find(long generation, String request) {
        Entry entry = entry(generation, request);
        return entry == null ? null : entry.representation();
    }

    /** The cached response for this request key in the current generation, with its route, or null. */
    public Entry find(String request) {
        return entry(generation.get(), request);
    }

    private Entry entry(long generation, String request) {
        return cache.getIfPresent(new Key(generation, request));
    }

    /**
     * Keeps a response computed from data read after {@code generation} was current, with the route
     * template of the operation computing it (called on its request's thread).
     */
    public void put(long generation, String request, Representation response) {
        Entry entry = new Entry(response, UnmatchedRoutes.current(),
                headers(header -> representations.publicHeaders(response, header)),
                headers(header -> representations.notModifiedHeaders(response, header)),
                HeaderValues.encoded(response.mediaType()));
        cache.get(new Key(generation, request), key -> entry); // a load in the statistics: cache_puts_total counts it
    }

    /** The headers a writer produces, encoded for sending. */
    private static List<Header> headers(Consumer<BiConsumer<String, String>> writer) {
        List<Header> headers = new ArrayList<>(6);
        writer.accept((name, value) -> headers.add(new Header(AsciiString.cached(name), HeaderValues.encoded(value))));
        return List.copyOf(headers);
    }

    /** Drops every cached response. Call it after a write commits (or fire {@link ContentChanged} inside it). */
    public void invalidateAll() {
        generation.incrementAndGet();
        cache.invalidateAll();
    }

    /** The current generation; it moves on with every invalidation (tests and diagnostics). */
    public long generation() {
        return generation.get();
    }

    void onContentChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) ContentChanged event) {
        invalidateAll();
    }
}
