package news.dispatch.access;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.Optional;

/** Who may read, the key that bootstraps administration, and the rate limits. */
@ConfigMapping(prefix = "dispatch.access")
public interface AccessConfig {

    /** Whether callers without a key may read published content. Off: every request needs a key. */
    @WithDefault("true")
    boolean publicRead();

    /**
     * An admin key accepted from the first start on (env DISPATCH_ADMIN_KEY), so the first real keys
     * can be created through the API. At least 32 characters. Stored as a hash like any other key.
     */
    Optional<String> adminKey();

    RateLimits rateLimit();

    interface RateLimits {

        /** Length of a rate-limit window, in seconds. */
        @WithDefault("60")
        int windowSeconds();

        /** Requests per window for each client address without a key. */
        @WithDefault("120")
        int anonymous();

        /** Requests per window for a partner key (a key may set its own). */
        @WithDefault("600")
        int partner();

        @WithDefault("1200")
        int editor();

        @WithDefault("1200")
        int admin();

        /** Counters shared by the instances in Redis (docs/decisions/089-shared-rate-limits.md). */
        SharedStore redis();
    }

    interface SharedStore {

        /**
         * The Redis server (env DISPATCH_REDIS_URL, {@code redis://[user:password@]host[:port][/database]}); also the
         * Redis client's {@code quarkus.redis.hosts}. Unset: each instance counts alone.
         */
        Optional<String> url();

        /** How long a request waits for Redis before this instance counts it alone. */
        @WithDefault("100ms")
        Duration timeout();

        /** After Redis failed, this instance counts alone for this long before it asks Redis again. */
        @WithDefault("5s")
        Duration retryAfter();

        /** Prepended to each bucket to make its key. */
        @WithDefault("dispatch:rl:")
        String keyPrefix();

        /**
         * Mixed into the hash that stands for a client address in its bucket's key (env DISPATCH_ADDRESS_SALT): an
         * address is never written to Redis as it is. Set the same value on every instance, or their keys differ and
         * each counts an address apart; unset, the hash is unsalted (not the address, but one that could be found by
         * trying every IPv4 address).
         */
        Optional<String> addressSalt();
    }
}
