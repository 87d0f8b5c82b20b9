package news.dispatch.article;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

@Schema(description = "A correction appended to the article.")
public record Correction(
        @Schema(description = "When the correction was made.", examples = "2021-07-11T08:00:00Z") Instant at,
        @Schema(description = "What was corrected.", examples = "An earlier version misstated the number of troops.") String text) {
}
