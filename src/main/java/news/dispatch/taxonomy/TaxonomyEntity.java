package news.dispatch.taxonomy;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;
import news.dispatch.cache.Purgeable;
import news.dispatch.common.BaseEntity;

import java.time.Instant;
import java.util.function.Consumer;

/**
 * What a section, a tag and a byline have alike: a unique slug, a name, when it was created and last changed, and a
 * version for {@code If-Match}. Cached responses that show one are keyed {@code <kind>-<slug>}.
 */
@MappedSuperclass
public abstract class TaxonomyEntity extends BaseEntity implements Purgeable {

    @Column(nullable = false, unique = true)
    public String slug;

    @Column(nullable = false)
    public String name;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;

    /** The kind in the keys of cached responses: {@code section}, {@code tag} or {@code byline}. */
    protected abstract String cacheKind();

    /** Every response that shows it, under its slug before and after the write (a rename). */
    @Override
    public void touched(Write write, Consumer<String> keys) {
        keys.accept(cacheKind() + "-" + slug);
        if (write.previous("slug") instanceof String before) {
            keys.accept(cacheKind() + "-" + before);
        }
    }
}
