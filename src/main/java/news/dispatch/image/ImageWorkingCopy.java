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

/** The working copy of a large image, kept in the database by {@link DatabaseImageStore} (decision 170). */
@Entity
@Table(name = "image_working_copy")
@NotContent // made from the original; no cached answer shows its bytes
public class ImageWorkingCopy extends PanacheEntityBase {

    @Id
    @Column(name = "image_id", nullable = false, updatable = false)
    public UUID imageId;

    @Column(nullable = false)
    public int width;

    @Column(nullable = false)
    public int height;

    @JdbcTypeCode(SqlTypes.VARBINARY)
    @Column(nullable = false)
    public byte[] bytes;
}
