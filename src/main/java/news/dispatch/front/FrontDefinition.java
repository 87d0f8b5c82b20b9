package news.dispatch.front;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Schema(description = "A front as editors wrote it (every slot, whatever its article's state); its ETag is what "
        + "`If-Match` names on writes.")
public record FrontDefinition(
        UUID id,
        @Schema(examples = "home") String slug,
        @Schema(examples = "Home") String title,
        @Schema(examples = "0") int position,
        List<FrontInput.CollectionInput> collections,
        @Schema(examples = "2021-07-10T09:30:00Z") Instant createdAt,
        @Schema(examples = "2021-07-10T09:30:00Z") Instant updatedAt) {
}
