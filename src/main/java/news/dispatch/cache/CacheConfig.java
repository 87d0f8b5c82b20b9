package news.dispatch.cache;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The application cache of public responses (docs/decisions/067-cache-bounded-by-bytes.md). */
@ConfigMapping(prefix = "dispatch.cache")
public interface CacheConfig {

    /**
     * Longest life of a cached response. A write drops the responses it touches at once, on every instance
     * (decisions 086 and 087); this only bounds how long a write the application cannot see can go unseen.
     * A response still read in the last quarter of its life is computed again by one request and kept anew.
     */
    @WithDefault("60S")
    Duration ttl();

    /** Most memory the cached responses may take, in megabytes (bodies, headers and keys, estimated). */
    @WithDefault("64")
    int maxMegabytes();

    /**
     * Whether writes are announced to the other instances on the same PostgreSQL database and theirs heard
     * (LISTEN/NOTIFY, decision 087). Has no effect on H2.
     */
    @WithDefault("true")
    boolean broadcast();

    /**
     * The edges (CDN or Varnish) whose caches a committed write purges by its keys, e.g.
     * {@code http://varnish:6081/} (decision 088); none by default.
     */
    Optional<List<String>> purgeUrls();
}
