package news.dispatch.image;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import news.dispatch.common.NotContent;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.util.UUID;

/** The bytes of an image's original, kept in the database by {@link DatabaseImageStore}. */
@Entity
@Table(name = "image_original")
@NotContent // no cached answer shows the bytes; the image's own row names what a change touches
public class ImageOriginal extends PanacheEntityBase {

    @Id
    @Column(name = "image_id", nullable = false, updatable = false)
    public UUID imageId;

    @JdbcTypeCode(SqlTypes.VARBINARY)
    @Column(nullable = false)
    public byte[] bytes;
}
