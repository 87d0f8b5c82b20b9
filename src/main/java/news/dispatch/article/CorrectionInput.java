package news.dispatch.article;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A correction to append; its time is the time of the request.")
public record CorrectionInput(
        @Schema(examples = "An earlier version misstated the number of troops.") @NotBlank @Size(max = 4000) String text) {
}
