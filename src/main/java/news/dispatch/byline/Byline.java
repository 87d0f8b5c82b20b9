package news.dispatch.byline;

import news.dispatch.cache.Purgeable;
import java.util.function.Consumer;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import news.dispatch.common.BaseEntity;
import news.dispatch.common.LowerCaseEnumConverter;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

@Entity
@Table(name = "byline")
public class Byline extends BaseEntity implements Purgeable {

    @Column(nullable = false, unique = true)
    public String slug;

    @Column(nullable = false)
    public String name;

    @Column(name = "name_key", nullable = false)
    public String nameKey;

    @Convert(converter = KindConverter.class)
    @Column(nullable = false)
    public BylineKind kind;

    public String title;

    public String bio;

    @Column(name = "avatar_url")
    public String avatarUrl;

    @ElementCollection
    @CollectionTable(name = "byline_link", joinColumns = @JoinColumn(name = "byline_id"))
    @OrderColumn(name = "position")
    public List<BylineLink> links = new ArrayList<>();

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;

    public static class KindConverter extends LowerCaseEnumConverter<BylineKind> {
        public KindConverter() {
            super(BylineKind.class);
        }
    }

    /** Every response that shows it, under its slug before and after the write (a rename). */
    @Override
    public void touched(Write write, Consumer<String> keys) {
        keys.accept("byline-" + slug);
        if (write.previous("slug") instanceof String before) {
            keys.accept("byline-" + before);
        }
    }
}
