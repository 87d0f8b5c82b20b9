package news.dispatch.web;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;

/** Which web pages may call the API from a browser (docs/decisions/072). */
@ConfigMapping(prefix = "dispatch.cors")
public interface CorsConfig {

    /**
     * Allowed origins ("https://partner.example"), or "*" for any. The API authenticates with bearer
     * keys, never cookies, so credentials are never allowed, whatever this says.
     */
    @WithDefault("*")
    List<String> origins();

    /** How long a browser may cache a preflight answer. */
    @WithDefault("24H")
    Duration maxAge();
}
