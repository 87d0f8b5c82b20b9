package news.dispatch.access;

import java.time.Clock;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Fixed-window request counters per bucket held in this instance's memory: the counters when no shared store is
 * configured, and while the shared store fails (docs/decisions/022 and 089).
 */
final class LocalCounters {

    private record Window(long start, AtomicLong used) {
    }

    private final ConcurrentMap<String, Window> windows = new ConcurrentHashMap<>();
    private final Clock clock;
    private final long windowMillis;
    private final AtomicLong calls = new AtomicLong();

    LocalCounters(Clock clock, long windowMillis) {
        this.clock = clock;
        this.windowMillis = windowMillis;
    }

    RateLimiter.Outcome take(String bucket, int limit) {
        long now = clock.millis();
        long start = now - Math.floorMod(now, windowMillis);
        Window window = windows.compute(bucket, (k, w) -> w == null || w.start() != start ? new Window(start, new AtomicLong()) : w);
        long used = window.used().incrementAndGet();
        long reset = Math.max(1, (start + windowMillis - now + 999) / 1000);
        if (calls.incrementAndGet() % 10_000 == 0) {
            windows.values().removeIf(w -> w.start() < start);
        }
        return RateLimiter.Outcome.of(limit, used, reset);
    }
}
