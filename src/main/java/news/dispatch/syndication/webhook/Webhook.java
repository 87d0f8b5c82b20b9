package news.dispatch.syndication.webhook;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import news.dispatch.common.BaseEntity;
import news.dispatch.common.NotContent;

import java.time.Instant;

/**
 * A receiver registered by an admin. The secret signs deliveries and is never shown again. Admin-only
 * and moved on by the dispatcher, so its writes leave the application cache alone ({@link NotContent}).
 */
@NotContent
@Entity
@Table(name = "webhook")
public class Webhook extends BaseEntity {

    @Column(nullable = false)
    public String url;

    /** Change types (API spelling), comma-separated. */
    @Column(name = "event_types", nullable = false)
    public String eventTypes;

    @Column(nullable = false)
    public String secret;

    public String description;

    @Column(nullable = false)
    public boolean active = true;

    /** The partner key whose rights filter the deliveries (decision 162); null for an admin's receiver. */
    @Column(name = "key_id")
    public java.util.UUID keyId;

    /** The change-feed position up to which deliveries have been queued. */
    @Column(name = "last_seq", nullable = false)
    public long lastSeq;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;
}
