package news.dispatch.access;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.mutiny.redis.client.Redis;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Fixed-window request counters per bucket (a key, or a client address without one). Without a shared store each
 * instance counts its own traffic in memory (docs/decisions/022). With Redis configured
 * ({@code DISPATCH_REDIS_URL}) the counters live there, so a key's limit holds across instances; when Redis fails
 * or is slow this instance counts alone again for a while, and says so in a metric, the log and readiness
 * (docs/decisions/089-shared-rate-limits.md). A request is never refused or failed because Redis is down.
 */
@ApplicationScoped
public class RateLimiter {

    private static final Logger LOG = Logger.getLogger(RateLimiter.class);

    /** The outcome of one request: the numbers for the RateLimit-* headers, and whether it may go on. */
    public record Outcome(int limit, int remaining, long resetSeconds, boolean allowed) {

        /** The outcome of the {@code used}-th request of a window that ends in {@code resetSeconds}. */
        static Outcome of(int limit, long used, long resetSeconds) {
            return new Outcome(limit, (int) Math.max(0, limit - used), resetSeconds, used <= limit);
        }
    }

    /** Where the counters are, for readiness' detail. */
    public enum Store {
        /** This instance's memory: no shared store configured. */
        MEMORY,
        /** Redis, answering. */
        REDIS,
        /** Redis configured but failing: this instance counts alone until it answers again. */
        REDIS_FAILING
    }

    private final LocalCounters local;
    private final SharedCounters shared;
    private final RateLimitMetrics metrics;
    private final long retryAfterNanos;
    private final AtomicBoolean failing = new AtomicBoolean();
    /** While failing: when to ask Redis again (System.nanoTime). */
    private volatile long askAgainAt;
    /** When Redis last failed (System.nanoTime): only an answer to a request sent after it ends the failing. */
    private volatile long failedAt;

    public RateLimiter(Clock clock, AccessConfig config, RateLimitMetrics metrics, Instance<Redis> redis) {
        AccessConfig.RateLimits limits = config.rateLimit();
        AccessConfig.SharedStore store = limits.redis();
        long windowMillis = limits.windowSeconds() * 1000L;
        this.local = new LocalCounters(clock, windowMillis);
        this.shared = store.url().isPresent()
                ? new SharedCounters(redis.get(), store.keyPrefix(), windowMillis, store.timeout(),
                        store.addressSalt().orElse("")) : null;
        this.metrics = metrics;
        this.retryAfterNanos = store.retryAfter().toNanos();
    }

    /** Whether the counters are shared with other instances, so a request may wait for them ({@link #takeAsync}). */
    public boolean shared() {
        return shared != null;
    }

    public Store store() {
        return shared == null ? Store.MEMORY : failing.get() ? Store.REDIS_FAILING : Store.REDIS;
    }

    /**
     * Counts one request. On a worker thread it waits for Redis up to its timeout; on an event loop, which must never
     * wait, it counts in memory (callers there use {@link #takeAsync}).
     */
    public Outcome take(String bucket, int limit) {
        if (shared == null || Context.isOnEventLoopThread() || resting()) {
            return local.take(bucket, limit);
        }
        long sent = System.nanoTime();
        try {
            Outcome outcome = shared.take(bucket, limit).await().indefinitely(); // bounded by the store's timeout
            answered(sent);
            return outcome;
        } catch (RuntimeException e) {
            return failed(e, bucket, limit);
        }
    }

    /**
     * Counts one request without blocking: the outcome is emitted on the caller's Vert.x context once Redis answered
     * (or failed: then it is counted in memory); never a failure.
     */
    public Uni<Outcome> takeAsync(String bucket, int limit) {
        if (shared == null || resting()) {
            return Uni.createFrom().item(local.take(bucket, limit));
        }
        long sent = System.nanoTime();
        Uni<Outcome> outcome = shared.take(bucket, limit)
                .onItem().invoke(ignored -> answered(sent))
                .onFailure().recoverWithItem(e -> failed(e, bucket, limit));
        Context context = Vertx.currentContext();
        return context == null ? outcome : outcome.emitOn(task -> context.runOnContext(v -> task.run()));
    }

    /** While Redis is failing, whether this instance still counts alone (no request waits for a dead store). */
    private boolean resting() {
        return failing.get() && System.nanoTime() - askAgainAt < 0;
    }

    /**
     * Redis answered a request sent at {@code sent}. Only a request sent after the last failure ends it: under load,
     * requests already waiting when one timed out were answered just after, each turned sharing on again at once, and
     * every request went on waiting for a store that was behind, instead of counting alone until {@code askAgainAt}.
     */
    private void answered(long sent) {
        if (failing.get() && sent - failedAt > 0 && failing.compareAndSet(true, false)) {
            LOG.info("Rate limits: Redis answers again; the counters are shared again");
        }
    }

    private Outcome failed(Throwable e, String bucket, int limit) {
        metrics.rateLimitStoreFailed();
        long now = System.nanoTime();
        failedAt = now;
        askAgainAt = now + retryAfterNanos;
        if (failing.compareAndSet(false, true)) {
            LOG.warnf("Rate limits: Redis failed (%s); each instance counts alone until it answers again, "
                    + "asked again after %d ms", describe(e), retryAfterNanos / 1_000_000L);
        }
        return local.take(bucket, limit);
    }

    private static String describe(Throwable e) {
        while (e instanceof CompletionException && e.getCause() != null) {
            e = e.getCause();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + e.getMessage();
    }
}
