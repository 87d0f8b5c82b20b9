package news.dispatch.section;

import news.dispatch.cache.Purgeable;
import java.util.function.Consumer;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import news.dispatch.common.BaseEntity;

import java.time.Instant;

@Entity
@Table(name = "section")
public class Section extends BaseEntity implements Purgeable {

    @Column(nullable = false, unique = true)
    public String slug;

    @Column(nullable = false)
    public String name;

    public String description;

    @Column(nullable = false)
    public int position;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;

    /** Every response that shows it, under its slug before and after the write (a rename). */
    @Override
    public void touched(Write write, Consumer<String> keys) {
        keys.accept("section-" + slug);
        if (write.previous("slug") instanceof String before) {
            keys.accept("section-" + before);
        }
    }
}
