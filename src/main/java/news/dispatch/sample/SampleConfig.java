package news.dispatch.sample;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "dispatch.sample")
public interface SampleConfig {

    /**
     * Load the sample content (the ESTA article, its neighbours and related stories) at start when
     * the database holds no articles. On by default with the embedded H2 database only.
     */
    @WithDefault("false")
    boolean load();
}
