package news.dispatch.front;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

@Schema(description = "A front in the list of fronts.")
public record FrontSummary(
        @Schema(examples = "home") String slug,
        @Schema(examples = "Home") String title,
        @Schema(examples = "0") int position,
        @Schema(examples = "2021-07-10T09:30:00Z") Instant updatedAt) {

    static FrontSummary of(Front f) {
        return new FrontSummary(f.slug, f.title, f.position, f.updatedAt);
    }
}
