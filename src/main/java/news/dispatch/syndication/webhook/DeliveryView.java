package news.dispatch.syndication.webhook;

import news.dispatch.change.ChangeType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

@Schema(description = "One delivery of a change to a webhook, with the outcome of its latest attempt.")
public record DeliveryView(
        @Schema(description = "Also sent as the `Dispatch-Delivery` header; receivers use it to ignore repeats.") UUID id,
        @Schema(description = "The change's position in the change feed.") long seq,
        @Schema(examples = "publish") ChangeType eventType,
        UUID articleId,
        @Schema(examples = "delivered") DeliveryStatus status,
        @Schema(description = "Attempts made so far.", examples = "1") int attempts,
        @Schema(description = "When the next attempt is due (pending only).", nullable = true) Instant nextAttemptAt,
        @Schema(nullable = true) Instant lastAttemptAt,
        @Schema(description = "HTTP status of the latest attempt, null when none was received.", nullable = true,
                examples = "200") Integer responseStatus,
        @Schema(description = "Why the latest attempt failed.", nullable = true, examples = "HTTP 503") String error,
        Instant createdAt,
        @Schema(nullable = true) Instant deliveredAt) {
}
