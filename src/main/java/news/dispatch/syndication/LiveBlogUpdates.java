package news.dispatch.syndication;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The entries a live blog's schema.org {@code LiveBlogPosting} lists as {@code liveBlogUpdate}. Implemented by the
 * live-blog feature ({@code news.dispatch.live}), which depends on syndication, not the other way round.
 */
public interface LiveBlogUpdates {

    /** How many entries the document lists at most (the newest). */
    int LIMIT = 50;

    /** An entry as JSON-LD shows it. */
    record Update(UUID id, Instant at, Instant updatedAt, String title, String text, String imageUrl) {
    }

    /** The newest entries of the blog, newest first. */
    List<Update> latest(UUID articleId);
}
