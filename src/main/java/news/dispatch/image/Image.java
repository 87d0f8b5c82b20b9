package news.dispatch.image;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import news.dispatch.common.BaseEntity;

import java.time.Instant;

/**
 * An uploaded image's metadata; its original's bytes are kept by an {@link ImageStore}. Not {@code Purgeable}: articles
 * show their lead image's metadata, so a write of an image invalidates every cached answer (image writes are few).
 */
@Entity
@Table(name = "image")
public class Image extends BaseEntity {

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

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;
}
