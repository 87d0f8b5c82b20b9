package news.dispatch.syndication.webhook;

import news.dispatch.change.ChangeItem;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.UUID;

@Schema(description = "The JSON body of a webhook delivery.")
public record WebhookPayload(
        @Schema(description = "The delivery's id (as in the `Dispatch-Delivery` header).") UUID deliveryId,
        UUID webhookId,
        @Schema(description = "The change, as the change feed shows it to a partner with no entitlement limits.") ChangeItem change,
        @Schema(description = "Change-feed cursor just after this change: `GET /v1/changes?since=<cursor>` catches up "
                + "from here (after downtime, or to fetch changes in order).") String cursor) {
}
