package news.dispatch.mostread;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Where reads are counted: Redis, shared by every instance, or this instance's memory. */
interface ReadStore {

    /**
     * Counts a read of an article in the current bucket of every window, under each dimension, unless this
     * {@code repeat} key (a hash of the address and the article) was seen within the repeat window. Answers whether
     * it counted.
     */
    boolean count(String repeat, UUID article, List<Dimension> dimensions, Instant now);

    /** The most-read articles of a window and dimension, most read first, at most {@code limit}. */
    List<Count> top(Window window, Dimension dimension, int limit, Instant now);

    record Count(UUID article, long reads) {
    }
}
