package news.dispatch.alert;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Schema(description = "A breaking-news alert: what to push, how loudly, to whom, until when.")
public record AlertView(
        UUID id,
        @Schema(examples = "breaking") AlertLevel level,
        @Schema(examples = "Polls close in the Kurdistan Region") String title,
        @Schema(nullable = true) String body,
        @Schema(description = "Section and tag slugs.", examples = "[\"politics\", \"iraq\"]") List<String> topics,
        AlertArticle article,
        @Schema(description = "The live entry the alert points to, or null.", nullable = true) UUID entryId,
        Instant createdAt,
        Instant expiresAt) {

    @Schema(name = "AlertArticle", description = "The article an alert opens.")
    public record AlertArticle(UUID id, String slug, String url, String headline) {
    }
}
