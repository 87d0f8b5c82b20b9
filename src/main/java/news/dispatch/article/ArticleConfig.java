package news.dispatch.article;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "dispatch.articles")
public interface ArticleConfig {

    /** Base of the canonical article URLs on the outlet's site; an article's url is {@code <site-url>/<slug>}. */
    @WithDefault("https://www.example.com/articles")
    String siteUrl();

    /** How many related posts an article shows (curated first, then by shared tags). */
    @WithDefault("5")
    int relatedLimit();

    /**
     * How many of the newest articles of each of an article's tags are candidates for its related
     * posts: bounds the cost of the choice whatever the size of the collection (decision 006).
     */
    @WithDefault("200")
    int relatedCandidates();

    /** How often the scheduler looks for scheduled articles whose time has come. */
    @WithDefault("10s")
    java.time.Duration scheduleCheck();
}
