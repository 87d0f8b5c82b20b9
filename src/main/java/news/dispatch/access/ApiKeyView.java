package news.dispatch.access;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Schema(description = "An API key as lists show it: never its secret.")
public record ApiKeyView(
        UUID id,
        @Schema(examples = "Kurdistan Daily syndication") String name,
        @Schema(description = "The first characters of the secret, to recognise the key.", examples = "dk_Qm9vY2") String prefix,
        @Schema(examples = "partner") Role role,
        @Schema(description = "Whether a partner may receive full article text.") boolean fullText,
        @Schema(description = "Ids of the sections a partner may take; empty = all.") List<UUID> sectionIds,
        @Schema(description = "Ids of the tags a partner may take; empty = all.") List<UUID> tagIds,
        @Schema(description = "Requests per window; null = the role's default.", nullable = true) Integer rateLimit,
        Instant createdAt,
        @Schema(description = "When the key was revoked; it stopped working at that moment.", nullable = true) Instant revokedAt,
        @Schema(description = "Whether a partner takes embargoed stories before the lift.") boolean earlyDelivery) {

    static ApiKeyView of(ApiKey k) {
        return new ApiKeyView(k.id, k.name, k.prefix, k.role, k.fullText, ApiKeyService.ids(k.sectionIds),
                ApiKeyService.ids(k.tagIds), k.rateLimit, k.createdAt, k.revokedAt, k.earlyDelivery);
    }
}
