package news.dispatch.image;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import news.dispatch.web.SingleLine;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An image's metadata as editors write it: in a PATCH (JSON merge patch), or with an upload as form fields or
 * query parameters of the same names (the focal point and rights there as {@code focalX}, {@code focalY},
 * {@code syndicationAllowed}).
 */
@Schema(hidden = true) // the upload takes these as query parameters or form fields, not as a JSON body
public record ImageInput(
        @Schema(nullable = true, examples = "Mustafa al-Kadhimi speaking at a podium") @Size(max = 1000) String alt,
        @Schema(nullable = true, examples = "Iraqi Prime Minister Mustafa al-Kadhimi") @Size(max = 2000) String caption,
        @Schema(nullable = true, examples = "PM office") @SingleLine @Size(max = 500) String credit,
        @Schema(nullable = true, examples = "© Office of the Prime Minister of Iraq") @SingleLine @Size(max = 500) String copyright,
        @Schema(nullable = true, examples = "Handout") @SingleLine @Size(max = 500) String source,
        @Schema(nullable = true, description = "The point crops keep in view; the centre when absent.") @Valid Focal focalPoint,
        @Schema(nullable = true, description = "The image's own rights for partners; not syndicated when absent.") @Valid Rights syndication) {

    @Schema(hidden = true)
    public record Focal(
            @Schema(examples = "0.5") @NotNull @DecimalMin("0") @DecimalMax("1") Double x,
            @Schema(examples = "0.35") @NotNull @DecimalMin("0") @DecimalMax("1") Double y) {
    }

    @Schema(hidden = true)
    public record Rights(@Schema(examples = "true") @NotNull Boolean allowed) {
    }
}
