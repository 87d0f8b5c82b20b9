package news.dispatch.article;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.arc.Arc;
import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import news.dispatch.cache.ContentCache;
import news.dispatch.web.problem.ProblemException;
import news.dispatch.web.Representation;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The page of a story that was cached when the story changed is computed again at once, on a thread of its own,
 * instead of by the next reader (decision 086): on the instance that made the write and on every instance that hears
 * of it (decision 087). The newsroom edits the stories that are being read, so each edit otherwise turned the most
 * read page into a miss that its readers queued behind. The instance that made the write answers it once the page is
 * stored (or after a second at most, {@link ContentCache#refreshWith}). Only the canonical page ({@code /v1/articles/{slug}} with no
 * parameter) of a story whose own key the write named: not the pages that show it in their related posts or
 * navigation (an edit of a new story touches hundreds of those, most not read again before they expire). What is
 * computed is stored under the cache's usual rule, so a refresh that read data older than a later write is not kept.
 * At most {@value #QUEUE} pages wait; more are left to their readers, counted in
 * {@code dispatch_cache_refreshes_total{outcome="skipped"}}.
 */
@Startup
@ApplicationScoped
public class ArticleRefresh {

    /** The route template of a story's page. */
    static final String ROUTE = "/v1/articles/{slug}";
    private static final String PREFIX = "/v1/articles/";
    static final int QUEUE = 256;
    /** Computations of one page before it is left to its readers, when each was made stale by a later write. */
    private static final int ATTEMPTS = 3;

    private final ContentCache cache;
    private final ArticleService service;
    private final ArticleResponses responses;
    private final ThreadPoolExecutor worker;
    private final Counter refreshed;
    private final Counter gone;
    private final Counter skipped;
    private final Counter superseded;
    private final Counter failed;

    public ArticleRefresh(ContentCache cache, ArticleService service, ArticleResponses responses, MeterRegistry registry) {
        this.cache = cache;
        this.service = service;
        this.responses = responses;
        this.refreshed = outcome(registry, "refreshed", "computed again and kept (unless a later write made it stale)");
        this.gone = outcome(registry, "gone", "not computed: the story is no longer public, or moved to another slug");
        this.skipped = outcome(registry, "skipped", "left to the next reader: too many were waiting");
        this.superseded = outcome(registry, "superseded", "computed " + ATTEMPTS + " times, each made stale by a later write");
        this.failed = outcome(registry, "failed", "the computation failed (the next reader computes it)");
        this.worker = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(QUEUE), r -> {
            Thread thread = new Thread(r, "dispatch-article-refresh");
            thread.setDaemon(true);
            return thread;
        });
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
            return null;
        }
    }

    private CompletableFuture<Void> refresh(Collection<String> requests) {
        List<CompletableFuture<Void>> all = new ArrayList<>(requests.size());
        for (String request : requests) {
            try {
                all.add(CompletableFuture.runAsync(() -> compute(request), worker));
            } catch (RejectedExecutionException e) {
                skipped.increment();
            }
        }
        return CompletableFuture.allOf(all.toArray(CompletableFuture[]::new));
    }

    /** Computes the page as an anonymous reader's request would, in a request context of its own. */
    private void compute(String request) {
        String slug = slugOf(request);
        if (slug == null) {
            return;
        }
        var context = Arc.container().requestContext();
        context.activate();
        try {
            ArticleShape shape = ArticleShape.full(ArticleShape.Context.ARTICLE);
            for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
                long generation = cache.generation();
                ArticleService.Lookup lookup = service.get(slug, shape);
                if (lookup.movedTo() != null) {
                    gone.increment();
                    return;
                }
                Representation page = responses.renderArticle(shape, lookup);
                if (cache.put(generation, request, page, ROUTE, Article.key(lookup.article().summary().id()))) {
                    refreshed.increment();
                    return;
                }
                // another invalidation of what it shows came while it was computed (a second edit, say), and may have
                // found no page to drop, so no refresh of its own: compute it again
            }
            superseded.increment();
        } catch (ProblemException e) {
            gone.increment(); // unpublished, deleted, embargoed: its readers get the error from their own request
        } catch (RuntimeException e) {
            failed.increment();
            Log.debugf(e, "Computing %s again failed; its next reader computes it", request);
        } finally {
            context.terminate();
        }
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }
}
