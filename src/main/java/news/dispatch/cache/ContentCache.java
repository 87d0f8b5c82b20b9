package news.dispatch.cache;

import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.quarkus.cache.CaffeineCache;
import io.netty.util.AsciiString;
import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.ws.rs.core.UriInfo;
import news.dispatch.ops.UnmatchedRoutes;
import news.dispatch.web.Representation;
import news.dispatch.web.Representations;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
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
 *   <li>A short time-to-live ({@code quarkus.cache.caffeine."article-lists".expire-after-write})
 *       bounds staleness for anything else, such as a write made by another instance.</li>
 * </ul>
 */
@ApplicationScoped
public class ContentCache {

    public static final String NAME = "article-lists";

    private record Key(long generation, String request) {
    }

    /**
     * A kept response, the route template of the operation that computed it (for metrics and the access
     * log), and its public caching headers and content type encoded once for the early answers
     * ({@link CachedAnswers}), so a hit neither formats dates nor joins surrogate keys again.
     */
    public record Entry(Representation representation, String route, List<Header> headers, CharSequence contentType) {
    }

    /** A response header ready to send: US-ASCII values as Netty's {@link AsciiString}, which is written without re-encoding. */
    public record Header(CharSequence name, CharSequence value) {
    }

    private final CaffeineCache cache;
    private final Representations representations;
    private final AtomicLong generation = new AtomicLong();

    public ContentCache(@CacheName(NAME) Cache cache, Representations representations) {
        this.cache = cache.as(CaffeineCache.class);
        this.representations = representations;
    }

    /** The cache key of a request: its raw path and query, as the client sent them. */
    public static String requestKey(UriInfo uri) {
        String query = uri.getRequestUri().getRawQuery();
        return uri.getRequestUri().getRawPath() + "?" + (query == null ? "" : query);
    }

    /**
     * The response to a request: from the cache (or computed, then cached) when it is public; always
     * computed for a keyed request, whose answer depends on the caller and is never kept.
     */
    public Representation get(UriInfo uri, boolean keyed, Supplier<Representation> compute) {
        return keyed ? compute.get() : get(requestKey(uri), compute);
    }

    /** The cached response for this request key, or the computed one (then cached). A failure is not cached. */
    public Representation get(String request, Supplier<Representation> compute) {
        long current = generation.get();
        Representation hit = find(current, request);
        if (hit != null) {
            return hit;
        }
        Representation computed = compute.get();
        put(current, request, computed);
        return computed;
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
        CompletableFuture<Entry> hit = cache.getIfPresent(new Key(generation, request));
        return hit != null && hit.isDone() && !hit.isCompletedExceptionally() ? hit.join() : null;
    }

    /**
     * Keeps a response computed from data read after {@code generation} was current, with the route
     * template of the operation computing it (called on its request's thread).
     */
    public void put(long generation, String request, Representation response) {
        List<Header> headers = new ArrayList<>(6);
        representations.publicHeaders(response, (name, value) -> headers.add(new Header(AsciiString.cached(name), encoded(value))));
        Entry entry = new Entry(response, UnmatchedRoutes.current(), List.copyOf(headers), encoded(response.mediaType()));
        cache.put(new Key(generation, request), CompletableFuture.completedFuture(entry));
    }

    /** A header value as {@link AsciiString} when it is US-ASCII (they all are in practice); as it is otherwise. */
    static CharSequence encoded(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) > 127) {
                return value;
            }
        }
        return new AsciiString(value);
    }

    /** Drops every cached response. Call it after a write commits (or fire {@link ContentChanged} inside it). */
    public void invalidateAll() {
        generation.incrementAndGet();
        cache.invalidateAll().subscribe().with(ignored -> {
        }, failure -> Log.warn("Could not clear the article list cache", failure));
    }

    /** The current generation; it moves on with every invalidation (tests and diagnostics). */
    public long generation() {
        return generation.get();
    }

    void onContentChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) ContentChanged event) {
        invalidateAll();
    }
}
