package news.dispatch.change;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

@Schema(description = "One change of an article, in commit order.")
public record ChangeItem(
        @Schema(description = "Position in the feed; increases with commit order (not necessarily by one for a given caller).",
                examples = "1042") long seq,
        @Schema(examples = "publish") ChangeType type,
        @Schema(description = "The article's id.") UUID id,
        @Schema(description = "The article's slug after the change; for `visible: false`, the slug it had before the "
                + "change (the one this caller knew).",
                examples = "iraqi-prime-minister-to-meet-biden-in-washington-this-month") String slug,
        @Schema(examples = "2021-07-10T09:30:00Z") Instant at,
        @Schema(description = "Whether the article is visible to this caller after the change: `true` means fetch it "
                + "(`GET /v1/articles/{id}`) and store it, `false` means remove any copy (unpublished, deleted, "
                + "syndication withdrawn, embargoed, or out of the key's entitlements).", examples = "true")
        boolean visible) {
}
