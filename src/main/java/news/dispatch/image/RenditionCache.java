package news.dispatch.image;

import com.github.benmanes.caffeine.cache.AsyncCache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import news.dispatch.cache.ContentCache;
import news.dispatch.web.Representation;

import java.util.Collection;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * The renditions this instance made, as the answers they are (bytes, strong ETag, headers: a hit hashes nothing),
 * bounded by their bytes. A rendition is computed once however many requests
 * ask for it at the same time: the first request's computation is shared as a future (Caffeine's async cache),
 * on a small pool of its own so that slow renders never hold the HTTP worker threads' share of CPU longer than
 * their decodes allow (see {@link ImageCodec}). A failed computation is not kept. An image's renditions are dropped
 * when its {@code renditions-<id>} purge key is invalidated (it was deleted, its focal point changed), by a write on
 * this instance or another one, and all of them when everything is (a listener that lost its connection may have
 * missed a delete).
 */
@ApplicationScoped
public class RenditionCache {

    /** One rendition: what its URL names. */
    public record Key(UUID image, String hash, AspectRatio ratio, int width, RenditionFormat format) {
    }

    private final ExecutorService renders;
    /** The route template of renditions, for metrics and the access log of answers given early. */
    static final String ROUTE = "/v1/images/{id}/{hash}/{ratio}/{file}";

    private final AsyncCache<Key, ContentCache.Entry> cache;
    private final ContentCache answers;
    private final AtomicLong computed = new AtomicLong();

    public RenditionCache(ImageConfig config, ContentCache answers) {
        AtomicInteger threads = new AtomicInteger();
        this.renders = Executors.newFixedThreadPool(Math.max(1, config.concurrentDecodes()), r -> {
            Thread t = new Thread(r, "image-render-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.cache = Caffeine.newBuilder()
                .maximumWeight(config.cacheMegabytes() * 1024L * 1024L)
                .weigher((Key k, ContentCache.Entry v) -> v.representation().body().length + 1024)
                .buildAsync();
        this.answers = answers;
        answers.beforeInvalidating(this::invalidated);
    }

    /** The rendition, from the cache or computed (once) by {@code compute}; its failures are thrown as they are. */
    public Representation get(Key key, Function<Key, Representation> compute) {
        CompletableFuture<ContentCache.Entry> future = cache.get(key, (k, executor) -> CompletableFuture.supplyAsync(() -> {
            computed.incrementAndGet();
            return answers.entry(compute.apply(k), ROUTE);
        }, renders));
        try {
            return future.join().representation();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    /** The rendition when this instance has it made already, else null. */
    public Representation getIfPresent(Key key) {
        ContentCache.Entry entry = entryIfPresent(key);
        return entry == null ? null : entry.representation();
    }

    /** The rendition as an answer ready to send, when this instance has it made already, else null. */
    ContentCache.Entry entryIfPresent(Key key) {
        CompletableFuture<ContentCache.Entry> future = cache.getIfPresent(key);
        return future != null && future.isDone() && !future.isCompletedExceptionally() ? future.join() : null;
    }

    /** Drops an image's renditions (after it changed or was deleted). */
    public void forget(UUID image) {
        cache.synchronous().asMap().keySet().removeIf(k -> k.image().equals(image));
    }

    private void invalidated(Collection<String> keys) {
        if (keys.contains(ContentCache.ALL_KEY)) {
            cache.synchronous().invalidateAll();
            return;
        }
        for (String key : keys) {
            if (key.startsWith(Image.RENDITIONS_PREFIX)) {
                news.dispatch.common.Ids.parse(key.substring(Image.RENDITIONS_PREFIX.length())).ifPresent(this::forget);
            }
        }
    }

    /** How many renditions this instance has computed since it started. */
    public long computed() {
        return computed.get();
    }

    @PreDestroy
    void close() {
        renders.shutdownNow();
    }
}
