package news.dispatch.front;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

@Schema(description = "A change of a front that takes effect at a time.")
public record FrontScheduleInput(
        @Schema(description = "When the change takes effect (in the future).", examples = "2021-07-10T18:00:00Z")
        @NotNull Instant at,
        @Schema(description = "The front as it will be then (its title and collections; `slug` and `position` are "
                + "not changed by a scheduled change and must be absent or the front's).")
        @NotNull @Valid FrontInput front) {
}
