package news.dispatch.tag;

import news.dispatch.cache.Purgeable;
import java.util.function.Consumer;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import news.dispatch.common.BaseEntity;
import news.dispatch.common.LowerCaseEnumConverter;

import java.time.Instant;

@Entity
@Table(name = "tag")
public class Tag extends BaseEntity implements Purgeable {

    @Column(nullable = false, unique = true)
    public String slug;

    @Column(nullable = false)
    public String name;

    /** The lower-cased name, kept for prefix search. */
    @Column(name = "name_key", nullable = false)
    public String nameKey;

    @Convert(converter = TagTypeConverter.class)
    @Column(nullable = false)
    public TagType type;

    public String description;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;

    public static class TagTypeConverter extends LowerCaseEnumConverter<TagType> {
        public TagTypeConverter() {
            super(TagType.class);
        }
    }

    /** Every response that shows it, under its slug before and after the write (a rename). */
    @Override
    public void touched(Write write, Consumer<String> keys) {
        keys.accept("tag-" + slug);
        if (write.previous("slug") instanceof String before) {
            keys.accept("tag-" + before);
        }
    }
}
