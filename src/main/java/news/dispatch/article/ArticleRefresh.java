package news.dispatch.article;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.arc.Arc;
import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import news.dispatch.cache.ContentCache;
import news.dispatch.web.CanonicalRequest;
import news.dispatch.web.problem.ProblemException;
import news.dispatch.web.Representation;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The page of a story that changes is computed again at once, on threads of its own, instead of by its
 * next reader (decision 086). The newsroom edits the stories that are being read, so each edit otherwise turned the
 * most read pages into misses that their readers queued behind.
 * <ul>
 *   <li>On the instance that made the write: the page of each story it wrote (up to {@value #WRITTEN}), cached or
 *   not, and the write is answered once that is done (or after a second at most, {@link ContentCache#refreshWith}):
 *   the readers of the story and the edges the write purged are about to ask for it.</li>
 *   <li>On every instance that hears of the write (decision 087): the page, if it was cached.</li>
 *   <li>On every instance: the cached pages that show the story (in their related posts or navigation) and that a
 *   reader got from the cache lately; {@link ContentCache} chooses them. Such a page is put together again with the
 *   story's new summary ({@link ArticleComposer}, decision 173), and computed only when that cannot be done.</li>
 * </ul>
 * Two lanes, each with one thread per core (at least two) and a queue: the pages of the stories that changed (what a
 * write waits for), and the pages that only show them; so the first never wait behind the second.
 * Only canonical pages ({@code /v1/articles/{slug}} with no parameter). What is computed is stored under the cache's
 * usual rule, so a refresh that read data older than a later write is not kept; a reader that misses the page
 * meanwhile waits for it ({@link ContentCache#awaitRefresh}). At most {@value #QUEUE} tasks wait in each lane; more
 * are left to their readers, counted in {@code dispatch_cache_refreshes_total{outcome="skipped"}}.
 */
@Startup
@ApplicationScoped
public class ArticleRefresh {

    /** The route template of a story's page. */
    static final String ROUTE = "/v1/articles/{slug}";
    private static final String PREFIX = "/v1/articles/";
    static final int QUEUE = 256;
    /** Pages computed at once in each lane: one per core (at least two). */
    static final int THREADS = Math.max(2, Runtime.getRuntime().availableProcessors());
    /** A write of more stories than this (an import, say) leaves the pages that were not cached to their readers. */
    static final int WRITTEN = 8;
    /** What {@link Article#key} puts before a story's id. */
    private static final String KEY_PREFIX = "article-";
    /** Computations of one page before it is left to its readers, when each was made stale by a later write. */
    private static final int ATTEMPTS = 3;

    private final ContentCache cache;
    private final ArticleService service;
    private final ArticleResponses responses;
    /** The pages of stories that changed: what writes wait for, never queued behind the pages below. */
    private final Lane changed;
    /** The pages read lately that show a story that changed: nothing waits for them. */
    private final Lane shown;
    private final Counter refreshed;
    private final Counter gone;
    private final Counter skipped;
    private final Counter superseded;
    private final Counter failed;
    private final Counter composed;

    public ArticleRefresh(ContentCache cache, ArticleService service, ArticleResponses responses, MeterRegistry registry) {
        this.cache = cache;
        this.service = service;
        this.responses = responses;
        this.refreshed = outcome(registry, "refreshed", "computed again and kept (unless a later write made it stale)");
        this.gone = outcome(registry, "gone", "not computed: the story is no longer public, or moved to another slug");
        this.skipped = outcome(registry, "skipped", "left to the next reader: too many were waiting");
        this.superseded = outcome(registry, "superseded", "computed " + ATTEMPTS + " times, each made stale by a later write");
        this.failed = outcome(registry, "failed", "the computation failed (the next reader computes it)");
        this.composed = outcome(registry, "composed", "a page that only shows what changed, put together again (decision 173)");
        this.changed = new Lane("dispatch-article-refresh-changed-");
        this.shown = new Lane("dispatch-article-refresh-shown-");
        cache.refreshWith(this::refresh);
    }

    private static Counter outcome(MeterRegistry registry, String outcome, String description) {
        return Counter.builder("dispatch_cache_refreshes_total")
                .description("Pages of stories computed again after the story changed, by outcome: " + description)
                .tag("outcome", outcome).register(registry);
    }

    /** The slug of a story's canonical page from its cache key ({@code /v1/articles/<slug>?}), or null for any other request. */
    static String slugOf(String request) {
        if (!request.startsWith(PREFIX) || !request.endsWith("?") || request.length() == PREFIX.length() + 1) {
            return null;
        }
        String segment = request.substring(PREFIX.length(), request.length() - 1);
        if (segment.indexOf('/') >= 0) {
            return null;
        }
        try {
            // a canonical path escapes what a segment may not hold; '+' is a plus in a path
            return URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null; // not a slug the API would answer
        }
    }

    private CompletableFuture<Void> refresh(Collection<String> dropped, Collection<String> shown, Collection<String> wrote) {
        List<CompletableFuture<Void>> all = new ArrayList<>(dropped.size() + 1);
        for (String request : dropped) {
            changed.queue(request, all);
        }
        List<CompletableFuture<Void>> notAwaited = new ArrayList<>(shown.size());
        for (String request : shown) {
            this.shown.queue(request, notAwaited);
        }
        List<String> stories = wrote.stream().filter(key -> key.startsWith(KEY_PREFIX)).limit(WRITTEN + 1).toList();
        if (!stories.isEmpty() && stories.size() <= WRITTEN) { // a bulk write's stories are left to their readers
            changed.submit(all, () -> stories.forEach(this::computeWritten), () -> { });
        }
        return CompletableFuture.allOf(all.toArray(CompletableFuture[]::new));
    }

    /**
     * Threads of their own and a queue of at most {@value #QUEUE} tasks. Two lanes, so that the pages a write waits
     * for never queue behind the pages read lately that only show what an earlier write changed: an edit may hand
     * over 32 of those.
     */
    private final class Lane {

        private final ThreadPoolExecutor worker;
        /** The pages waiting for a thread: one more invalidation of one of them queues nothing more. */
        private final Set<String> queued = ConcurrentHashMap.newKeySet();

        Lane(String name) {
            AtomicInteger threads = new AtomicInteger();
            this.worker = new ThreadPoolExecutor(THREADS, THREADS, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(QUEUE), r -> {
                Thread thread = new Thread(r, name + threads.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            });
        }

        /** Queues the computation of a dropped page, unless it is waiting already (it reads the data when it starts). */
        void queue(String request, List<CompletableFuture<Void>> all) {
            if (!queued.add(request)) {
                return;
            }
            submit(all, () -> {
                queued.remove(request);
                compute(request, slugOf(request));
            }, () -> queued.remove(request));
        }

        void submit(List<CompletableFuture<Void>> all, Runnable task, Runnable refused) {
            try {
                all.add(CompletableFuture.runAsync(task, worker));
            } catch (RejectedExecutionException e) {
                refused.run();
                skipped.increment();
            }
        }

        void stop() {
            worker.shutdownNow();
        }
    }

    /**
     * The page of a story this instance just wrote, whether or not it was cached: the story being edited is the one
     * its readers, and the edges the write purged, are about to ask for. Looked up once, by id, which also says its
     * slug (the page's key); not kept again if its page was dropped and so is computed already.
     */
    private void computeWritten(String key) {
        compute(null, key.substring(KEY_PREFIX.length()));
    }

    /** The cache key of a story's page (a slug is lower-case letters, digits and hyphens: nothing to escape). */
    static String requestOf(String slug) {
        return CanonicalRequest.of(PREFIX + slug, null);
    }

    /**
     * Computes a story's page as an anonymous reader's request would, in a request context of its own.
     *
     * @param request the page's cache key; null for the page of the story {@code slugOrId} names, under its slug,
     *                computed only when nothing is cached there
     * @param slugOrId what the story is looked up by (null: not a story's page, nothing to do)
     */
    private void compute(String request, String slugOrId) {
        if (slugOrId == null) {
            return;
        }
        var context = Arc.container().requestContext();
        context.activate();
        try {
            if (request != null) {
                cache.refreshing(request, () -> attempts(request, slugOrId));
            } else {
                attempts(null, slugOrId);
            }
        } catch (ProblemException e) {
            gone.increment(); // unpublished, deleted, embargoed: its readers get the error from their own request
        } catch (RuntimeException e) {
            failed.increment();
            Log.debugf(e, "Computing %s again failed; its next reader computes it", request == null ? slugOrId : request);
        } finally {
            context.terminate();
        }
    }

    /** Computes and stores the page, again when a later write made what it read stale, up to {@value #ATTEMPTS} times. */
    private void attempts(String request, String slugOrId) {
        if (request != null && cache.compose(request, false) != null) {
            composed.increment(); // a page that only shows what changed, put together again from the new summary
            return;
        }
        ArticleShape shape = ArticleShape.full(ArticleShape.Context.ARTICLE);
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            long generation = cache.generation();
            ArticleService.Lookup lookup = service.get(slugOrId, shape);
            if (lookup.movedTo() != null) {
                gone.increment();
                return;
            }
            String key = request;
            if (key == null) {
                key = requestOf(lookup.article().summary().slug());
                if (attempt == 0 && (cache.find(key) != null || cache.isRefreshing(key))) {
                    return; // its reader, or the refresh of the dropped page (which this write waits for too), was first
                }
            }
            Representation page = responses.renderArticle(shape, lookup);
            if (responses.keep(generation, key, page, lookup)) {
                refreshed.increment();
                return;
            }
            // another invalidation of what it shows came while it was computed (a second edit, say), and may have
            // found no page to drop, so no refresh of its own: compute it again
        }
        superseded.increment();
    }

    @PreDestroy
    void stop() {
        changed.stop();
        shown.stop();
    }
}
