package news.dispatch.front;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import news.dispatch.cache.Purgeable;
import news.dispatch.common.BaseEntity;

import java.time.Instant;
import java.util.function.Consumer;

/**
 * A curated front (docs/decisions/153): its collections, their slots and overrides are one JSON document
 * ({@link FrontInput.CollectionInput}s), always read and written whole.
 */
@Entity
@Table(name = "front")
public class Front extends BaseEntity implements Purgeable {

    /** The prefix of the purge key of every answer that shows a front. */
    public static final String KEY_PREFIX = "front-";
    /** The purge key of the list of fronts. */
    public static final String LIST_KEY = "fronts";

    @Column(nullable = false, unique = true)
    public String slug;

    @Column(nullable = false)
    public String title;

    @Column(nullable = false)
    public int position;

    /** The collections as JSON: a list of {@link FrontInput.CollectionInput}. */
    @Column(nullable = false)
    public String collections;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;

    public static String key(String slug) {
        return KEY_PREFIX + slug;
    }

    /** The front's answer under its slug before and after the write, and the list of fronts. */
    @Override
    public void touched(Write write, Consumer<String> keys) {
        keys.accept(key(slug));
        keys.accept(LIST_KEY);
        if (write.previous("slug") instanceof String before) {
            keys.accept(key(before));
        }
    }
}
