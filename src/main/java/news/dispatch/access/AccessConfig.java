package news.dispatch.access;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

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
    }
}
