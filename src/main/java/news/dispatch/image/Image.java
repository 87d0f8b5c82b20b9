package news.dispatch.image;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import news.dispatch.cache.Purgeable;
import news.dispatch.common.BaseEntity;

import java.time.Instant;
import java.util.UUID;
import java.util.function.Consumer;

/**
 * An uploaded image's metadata; its original's bytes are kept by an {@link ImageStore}. A write touches what shows the
 * image (decision 170): {@code image-<id>}, which its own answers and every answer showing it (articles, lists, feeds,
 * fronts) carry; {@code images}, its lists; {@code renditions-<id>}, its renditions' bytes, when it is deleted or its
 * pixels or focal point change; and, when its rights change, every list, feed and change-feed page, which may have
 * left it out.
 */
@Entity
@Table(name = "image")
public class Image extends BaseEntity implements Purgeable {

    static final String KEY_PREFIX = Purgeable.IMAGE_PREFIX;
    static final String RENDITIONS_PREFIX = "renditions-";

    /** The purge key of everything that shows the image (its metadata, its rendition URLs). */
    public static String key(UUID id) {
        return Purgeable.imageKey(id);
    }

    /** The purge key of the image's renditions (their bytes). */
    public static String renditionsKey(UUID id) {
        return RENDITIONS_PREFIX + id;
    }

    /** The purge key of the lists of images. */
    public static final String LIST_KEY = "images";

    @Column(name = "media_type", nullable = false)
    public String mediaType;

    @Column(nullable = false)
    public int width;

    @Column(nullable = false)
    public int height;

    @Column(name = "byte_size", nullable = false)
    public long byteSize;

    /** SHA-256 of the stored original, hex. */
    @Column(nullable = false)
    public String checksum;

    public String alt;

    public String caption;

    public String credit;

    public String copyright;

    public String source;

    /** The focal point, 0 to 1 from the left and from the top. */
    @Column(name = "focal_x", nullable = false)
    public double focalX = 0.5;

    @Column(name = "focal_y", nullable = false)
    public double focalY = 0.5;

    /** Whether partners may receive the image (its own rights, whatever the text's). */
    @Column(name = "syndication_allowed", nullable = false)
    public boolean syndicationAllowed;

    /**
     * The longer side of the image's working copy (decision 170), null when it has none: renditions small enough are
     * made from it, so their URLs name it.
     */
    @Column(name = "working_side")
    public Integer workingSide;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;

    @Override
    public void touched(Write write, Consumer<String> keys) {
        keys.accept(LIST_KEY);
        keys.accept(key(id));
        if (write.deleted() || write.changed("checksum", "focalX", "focalY", "workingSide")) {
            keys.accept(renditionsKey(id));
        }
        if (!write.inserted() && write.changed("syndicationAllowed")) {
            // Partner answers are never cached; the syndication formats of everyone else leave the image out where its
            // rights do not allow it, so a list, feed or change-feed page may show the story without it.
            keys.accept(Purgeable.LISTS);
            keys.accept(Purgeable.CHANGES);
        }
    }
}
