package news.dispatch.section;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

@Schema(description = "A section of the outlet (World, Politics, Business...).")
public record SectionView(
        UUID id,
        @Schema(examples = "politics") String slug,
        @Schema(examples = "Politics") String name,
        @Schema(nullable = true, examples = "Iraqi and Kurdish politics") String description,
        @Schema(description = "Display order among sections, lowest first.", examples = "1") int position,
        @Schema(examples = "2021-07-10T09:30:00Z") Instant updatedAt) {

    static SectionView of(Section s) {
        return new SectionView(s.id, s.slug, s.name, s.description, s.position, s.updatedAt);
    }
}
