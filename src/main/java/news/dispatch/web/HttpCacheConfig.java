package news.dispatch.web;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How long shared caches and clients may keep public reads. */
@ConfigMapping(prefix = "dispatch.http.cache")
public interface HttpCacheConfig {

    /** max-age of public reads, in seconds. */
    @WithDefault("60")
    int maxAge();

    /** stale-while-revalidate of public reads, in seconds. */
    @WithDefault("300")
    int staleWhileRevalidate();
}
