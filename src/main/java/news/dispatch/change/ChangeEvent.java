package news.dispatch.change;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import news.dispatch.common.LowerCaseEnumConverter;

import java.time.Instant;
import java.util.UUID;

/**
 * One entry of the change feed (an outbox row), written in the same transaction as the change.
 * Its sequence number comes from a locked counter, so sequence order is commit order.
 */
@Entity
@Table(name = "change_event")
public class ChangeEvent {

    @Id
    public long seq;

    @Convert(converter = TypeConverter.class)
    @Column(nullable = false)
    public ChangeType type;

    @Column(name = "article_id", nullable = false)
    public UUID articleId;

    @Column(nullable = false)
    public String slug;

    @Column(nullable = false)
    public Instant at;

    public static class TypeConverter extends LowerCaseEnumConverter<ChangeType> {
        public TypeConverter() {
            super(ChangeType.class);
        }
    }
}
