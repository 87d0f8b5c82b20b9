package news.dispatch.article;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

@Schema(description = "Rights for partner sites.")
public record Syndication(
        @Schema(description = "Whether partners may republish the article.", examples = "true") boolean allowed,
        @Schema(description = "Partners may not show the article before this time.", nullable = true) Instant embargoUntil) {
}
