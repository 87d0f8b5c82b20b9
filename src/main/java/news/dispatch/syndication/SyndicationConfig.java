package news.dispatch.syndication;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Feeds and syndication formats. */
@ConfigMapping(prefix = "dispatch.syndication")
public interface SyndicationConfig {

    /** How many of the newest articles a feed carries. */
    @WithDefault("50")
    int feedSize();

    /** The outlet's name: feed titles, ninjs copyright holder, schema.org publisher. */
    @WithDefault("Dispatch")
    String outletName();

    /** The outlet's home page. */
    @WithDefault("https://www.example.com/")
    String homePage();

    /** Base of the URIs that identify articles in ninjs ({@code <base><id>}). */
    @WithDefault("urn:dispatch:article:")
    String ninjsUriBase();

    /** How many characters of body text stand in for a missing standfirst in summaries. */
    @WithDefault("280")
    int summaryLength();
}
