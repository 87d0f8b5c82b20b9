package news.dispatch.syndication.webhook;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import news.dispatch.change.ChangeEvent;
import news.dispatch.change.ChangeType;
import news.dispatch.common.BaseEntity;
import news.dispatch.common.LowerCaseEnumConverter;
import news.dispatch.common.NotContent;

import java.time.Instant;
import java.util.UUID;

/**
 * One change sent (or to be sent) to one webhook, with the outcome of its latest attempt. Written by the
 * dispatcher on every attempt and shown to admins only, so its writes leave the application cache alone
 * ({@link NotContent}).
 */
@NotContent
@Entity
@Table(name = "webhook_delivery")
public class WebhookDelivery extends BaseEntity {

    @Column(name = "webhook_id", nullable = false)
    public UUID webhookId;

    @Column(nullable = false)
    public long seq;

    @Convert(converter = ChangeEvent.TypeConverter.class)
    @Column(name = "event_type", nullable = false)
    public ChangeType eventType;

    @Column(name = "article_id", nullable = false)
    public UUID articleId;

    /** The exact bytes sent (as UTF-8), so every retry carries the same body. */
    @Column(nullable = false)
    public String payload;

    @Convert(converter = StatusConverter.class)
    @Column(nullable = false)
    public DeliveryStatus status = DeliveryStatus.PENDING;

    @Column(nullable = false)
    public int attempts;

    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    @Column(name = "last_attempt_at")
    public Instant lastAttemptAt;

    @Column(name = "response_status")
    public Integer responseStatus;

    public String error;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "delivered_at")
    public Instant deliveredAt;

    public static class StatusConverter extends LowerCaseEnumConverter<DeliveryStatus> {
        public StatusConverter() {
            super(DeliveryStatus.class);
        }
    }
}
