package news.dispatch.tag;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import news.dispatch.taxonomy.TaxonomyInput;
import news.dispatch.text.Slugifier;
import news.dispatch.web.SingleLine;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A tag as editors write it.")
public record TagInput(
        @Schema(examples = "Mustafa al-Kadhimi") @NotBlank @SingleLine @Size(max = 200) String name,
        @Schema(description = "Made from the name when absent.", nullable = true)
        @Size(max = Slugifier.MAX_LENGTH) @Pattern(regexp = Slugifier.PATTERN, message = "must be lower-case letters and digits in words joined by single hyphens") String slug,
        @Schema(description = "topic, person, place or organisation.") @NotNull TagType type,
        @Schema(nullable = true) @Size(max = 2000) String description) implements TaxonomyInput {
}
