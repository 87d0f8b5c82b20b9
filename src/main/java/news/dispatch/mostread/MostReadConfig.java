package news.dispatch.mostread;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** Counting reads and answering "most read" (docs/decisions/154-most-read.md). */
@ConfigMapping(prefix = "dispatch.most-read")
public interface MostReadConfig {

    /**
     * The Redis the counts live in, shared by every instance; absent: each instance counts in memory. Defaults to the
     * rate limits' Redis ({@code DISPATCH_REDIS_URL}).
     */
    Optional<String> redisUrl();

    /** Prefix of every key written in Redis. */
    @WithDefault("dispatch:mr:")
    String keyPrefix();

    /** How long a call to Redis may take before the read is counted in memory instead. */
    @WithDefault("100ms")
    Duration timeout();

    /** After a failure, how long Redis is left alone (reads counted and answered in memory meanwhile). */
    @WithDefault("5s")
    Duration retryAfter();

    /**
     * Mixed into the hash of a client address and article that makes repeated beacons count once: set the same value
     * on every instance (DISPATCH_READS_SALT), or each instance draws its own at start and a repeat that reaches
     * another instance within the minute counts again.
     */
    Optional<String> salt();

    /** How long one address's beacons for one article count once. */
    @WithDefault("60s")
    Duration repeatWindow();

    /** How long a most-read answer is kept (in this instance, and by caches through max-age). */
    @WithDefault("60s")
    Duration maxAge();
}
