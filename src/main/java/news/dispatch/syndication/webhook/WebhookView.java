package news.dispatch.syndication.webhook;

import news.dispatch.change.ChangeType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Schema(description = "A registered webhook receiver (the secret is never shown).")
public record WebhookView(
        UUID id,
        @Schema(examples = "https://partner.example.org/hooks/dispatch") String url,
        List<ChangeType> eventTypes,
        @Schema(nullable = true) String description,
        @Schema(description = "Change-feed cursor up to which changes have been queued for delivery.") String position,
        Instant createdAt,
        @Schema(description = "The partner key whose rights filter the deliveries; null for an admin's receiver.",
                nullable = true) UUID apiKey,
        @Schema(description = "Whether deliveries are made: false once the receiver's partner key was revoked (its "
                + "receiver is switched off for good; register a new one for a new key).") boolean active) {
}
