package news.dispatch.article;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

@Schema(description = "Rights for partner sites.")
public record Syndication(
        @Schema(description = "Whether partners may republish the article.", examples = "true") boolean allowed,
        @Schema(description = "Partners may not show the article before this time.", nullable = true) Instant embargoUntil,
        @Schema(description = "True while the embargo holds: only editors and partner keys with early delivery see the "
                + "article then, and must not show it before `embargoUntil` (decision 164).") boolean embargoed) {
}
