package news.dispatch.front;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Schema(description = "A scheduled change of a front.")
public record FrontScheduleView(
        UUID id,
        @Schema(examples = "home") String front,
        @Schema(examples = "2021-07-10T18:00:00Z") Instant at,
        @Schema(examples = "Home") String title,
        List<FrontInput.CollectionInput> collections,
        @Schema(description = "When it took effect; null while pending.", nullable = true) Instant appliedAt,
        @Schema(examples = "2021-07-10T09:30:00Z") Instant createdAt) {
}
