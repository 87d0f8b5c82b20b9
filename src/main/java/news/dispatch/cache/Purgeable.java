package news.dispatch.cache;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * An entity that names the purge keys its writes touch (docs/decisions/086-invalidation-by-purge-keys.md):
 * the keys of the cached responses that may show what the write changed. {@link ContentWriteInterceptor}
 * asks every written entity once its flush runs; an entity that is neither {@code Purgeable} nor
 * {@link news.dispatch.common.NotContent} invalidates everything.
 * <p>
 * The keys are those responses carry in {@code Surrogate-Key}: {@code article-<id>}, {@code section-<slug>},
 * {@code tag-<slug>}, {@code byline-<slug>}, {@code navigation-<section id>} (the articles whose previous and next
 * are chosen in that section), {@code related-<tag id>} (the articles whose related posts are chosen among that tag's),
 * {@code image-<id>} (an uploaded image, wherever it is shown), and the families {@code articles} (every list of articles, feeds and search results included), {@code search} and
 * {@code changes} (the change feed's pages).
 */
public interface Purgeable {

    /** Every list of articles (sections', tags' and bylines' lists, search results, related posts, feeds). */
    String LISTS = "articles";
    /** Prefix of the keys of the articles whose related posts are chosen among a tag's articles. */
    String RELATED_PREFIX = "related-";
    /**
     * A key a write names when it cannot list an article's tags during the flush: replaced, once the flush is over,
     * by the {@code related-<tag id>} keys of the article's tags ({@link ContentWriteInterceptor}).
     */
    String RELATED_OF_PREFIX = "related-of-article-";
    /** Every search result: which articles match a query depends on their text. */
    String SEARCH = "search";
    /** Every page of the change feed. */
    String CHANGES = "changes";

    /** Prefix of an uploaded image's key: its own answers and every answer that shows it carry it. */
    String IMAGE_PREFIX = "image-";

    /** The key of an uploaded image, which every answer showing it carries (decision 170). */
    static String imageKey(java.util.UUID imageId) {
        return IMAGE_PREFIX + imageId;
    }

    /** The key standing for the related-post keys of an article's tags, see {@link #RELATED_OF_PREFIX}. */
    static String relatedOf(java.util.UUID articleId) {
        return RELATED_OF_PREFIX + articleId;
    }

    /** Names the keys this write of the entity touches. */
    void touched(Write write, Consumer<String> keys);

    /** A write as Hibernate flushes it: an insert, an update (with the state before) or a delete. */
    final class Write {
        private final boolean inserted;
        private final boolean deleted;
        private final String[] names;
        private final Object[] current;
        private final Object[] previous;

        public Write(boolean inserted, boolean deleted, String[] names, Object[] current, Object[] previous) {
            this.inserted = inserted;
            this.deleted = deleted;
            this.names = names;
            this.current = current;
            this.previous = previous;
        }

        /** A write of the entity as a whole (an insert, a delete, or a change of one of its collections). */
        public static Write whole() {
            return new Write(true, false, null, null, null);
        }

        public boolean inserted() {
            return inserted;
        }

        public boolean deleted() {
            return deleted;
        }

        /** Whether the row came or went, or one of these properties changed (true when that is unknown). */
        public boolean changed(String... properties) {
            if (inserted || deleted || names == null || previous == null || current == null) {
                return true;
            }
            for (String property : properties) {
                int at = index(property);
                if (at < 0 || !Objects.equals(previous[at], current[at])) {
                    return true;
                }
            }
            return false;
        }

        /** The property's value before an update; null on an insert or a delete, or when unknown. */
        public Object previous(String property) {
            int at = index(property);
            return at < 0 || previous == null ? null : previous[at];
        }

        private int index(String property) {
            if (names != null) {
                for (int i = 0; i < names.length; i++) {
                    if (names[i].equals(property)) {
                        return i;
                    }
                }
            }
            return -1;
        }
    }
}
