package news.dispatch.article;

import java.time.Instant;

/**
 * When the newest change-feed entry was written, the {@code Last-Modified} of lists of live articles (decision
 * 103). The change package implements it (change/ChangeFeed), so the article package does not depend on it
 * (docs/decisions/095).
 */
public interface LatestChange {

    /** When the newest settled change-feed entry was written, or null. */
    Instant lastChangeAt();
}
