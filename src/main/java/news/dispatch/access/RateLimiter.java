package news.dispatch.access;

import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Fixed-window request counters per bucket (a key, or a client address without one), held in
 * memory: each instance counts its own traffic (see docs/decisions/022).
 */
@ApplicationScoped
public class RateLimiter {

    /** The outcome of one request: the numbers for the RateLimit-* headers, and whether it may go on. */
    public record Outcome(int limit, int remaining, long resetSeconds, boolean allowed) {
    }

    private record Window(long start, AtomicLong used) {
    }

    private final ConcurrentMap<String, Window> windows = new ConcurrentHashMap<>();
    private final Clock clock;
    private final long windowMillis;
    private final AtomicLong calls = new AtomicLong();

    public RateLimiter(Clock clock, AccessConfig config) {
        this.clock = clock;
        this.windowMillis = config.rateLimit().windowSeconds() * 1000L;
    }

    public Outcome take(String bucket, int limit) {
        long now = clock.millis();
        long start = now - Math.floorMod(now, windowMillis);
        Window window = windows.compute(bucket, (k, w) -> w == null || w.start() != start ? new Window(start, new AtomicLong()) : w);
        long used = window.used().incrementAndGet();
        long reset = Math.max(1, (start + windowMillis - now + 999) / 1000);
        if (calls.incrementAndGet() % 10_000 == 0) {
            windows.values().removeIf(w -> w.start() < start);
        }
        return new Outcome(limit, (int) Math.max(0, limit - used), reset, used <= limit);
    }
}
