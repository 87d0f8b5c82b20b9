package news.dispatch.mostread;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * Reads counted in this instance's memory: the embedded default, and the fallback while Redis fails. Bounded: buckets
 * are dropped once they leave their window, a bucket holds at most {@link #MAX_ARTICLES} articles per dimension, and
 * the repeat keys (hashes only) at most {@link #MAX_REPEATS}, each for the repeat window.
 */
final class LocalReads implements ReadStore {

    static final int MAX_ARTICLES = 20_000;
    static final int MAX_REPEATS = 200_000;

    private final Cache<String, Boolean> seen;
    /** "<window id>:<bucket>:<dimension>" to counts. */
    private final Map<String, Map<UUID, LongAdder>> buckets = new ConcurrentHashMap<>();

    LocalReads(Duration repeatWindow, Clock clock) {
        // the application's clock, so the repeat window follows it (tests move it)
        this.seen = Caffeine.newBuilder().ticker(() -> TimeUnit.MILLISECONDS.toNanos(clock.millis()))
                .expireAfterWrite(repeatWindow).maximumSize(MAX_REPEATS).build();
    }

    @Override
    public boolean count(String repeat, UUID article, List<Dimension> dimensions, Instant now) {
        if (seen.asMap().putIfAbsent(repeat, Boolean.TRUE) != null) {
            return false;
        }
        for (Window window : Window.values()) {
            long bucket = window.bucketOf(now);
            for (Dimension d : dimensions) {
                Map<UUID, LongAdder> counts = buckets.computeIfAbsent(key(window, bucket, d), k -> new ConcurrentHashMap<>());
                if (counts.size() < MAX_ARTICLES || counts.containsKey(article)) {
                    counts.computeIfAbsent(article, k -> new LongAdder()).increment();
                }
            }
        }
        prune(now);
        return true;
    }

    @Override
    public List<Count> top(Window window, Dimension dimension, int limit, Instant now) {
        Map<UUID, Long> sum = new HashMap<>();
        for (long bucket : window.bucketsAt(now)) {
            Map<UUID, LongAdder> counts = buckets.get(key(window, bucket, dimension));
            if (counts != null) {
                counts.forEach((id, n) -> sum.merge(id, n.sum(), Long::sum));
            }
        }
        List<Count> all = new ArrayList<>();
        sum.forEach((id, n) -> all.add(new Count(id, n)));
        all.sort(Comparator.comparingLong(Count::reads).reversed().thenComparing(Count::article));
        return all.size() > limit ? List.copyOf(all.subList(0, limit)) : all;
    }

    /** Drops the buckets that left their window. */
    private void prune(Instant now) {
        for (Window window : Window.values()) {
            long oldest = window.bucketOf(now) - window.buckets;
            String prefix = window.id() + ":";
            buckets.keySet().removeIf(k -> k.startsWith(prefix) && bucketOf(k) < oldest);
        }
    }

    private static long bucketOf(String key) {
        int from = key.indexOf(':') + 1;
        return Long.parseLong(key.substring(from, key.indexOf(':', from)));
    }

    private static String key(Window window, long bucket, Dimension d) {
        return window.id() + ":" + bucket + ":" + d.name();
    }
}
