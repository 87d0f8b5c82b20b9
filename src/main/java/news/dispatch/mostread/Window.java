package news.dispatch.mostread;

import com.fasterxml.jackson.annotation.JsonValue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A most-read window and the time buckets that make it up: the last hour in twelve 5-minute buckets, the last day in
 * twenty-four 1-hour buckets, the current (partial) bucket included. Each read is added to the current bucket of both.
 */
public enum Window {
    HOUR("1h", Duration.ofMinutes(5), 12),
    DAY("24h", Duration.ofHours(1), 24);

    private final String value;
    final Duration bucket;
    final int buckets;

    Window(String value, Duration bucket, int buckets) {
        this.value = value;
        this.bucket = bucket;
        this.buckets = buckets;
    }

    @JsonValue
    public String value() {
        return value;
    }

    public static Window parse(String value) {
        for (Window w : values()) {
            if (w.value.equals(value)) {
                return w;
            }
        }
        return null;
    }

    /** The number of the bucket that holds this instant. */
    long bucketOf(Instant at) {
        return at.getEpochSecond() / bucket.getSeconds();
    }

    /** The buckets of the window ending now, newest first. */
    List<Long> bucketsAt(Instant now) {
        long current = bucketOf(now);
        List<Long> all = new ArrayList<>(buckets);
        for (int i = 0; i < buckets; i++) {
            all.add(current - i);
        }
        return all;
    }

    /** How long a bucket must be kept: until it leaves the window, plus one bucket. */
    Duration keep() {
        return bucket.multipliedBy(buckets + 1L);
    }

    /** The bucket's name in keys. */
    String id() {
        return this == HOUR ? "5m" : "1h";
    }
}
