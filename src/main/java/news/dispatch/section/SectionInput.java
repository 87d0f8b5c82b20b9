package news.dispatch.section;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import news.dispatch.taxonomy.TaxonomyInput;
import news.dispatch.text.Slugifier;
import news.dispatch.web.SingleLine;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A section as editors write it.")
public record SectionInput(
        @Schema(examples = "Politics") @NotBlank @SingleLine @Size(max = 200) String name,
        @Schema(description = "Made from the name when absent.", nullable = true, examples = "politics")
        @Size(max = Slugifier.MAX_LENGTH) @Pattern(regexp = Slugifier.PATTERN, message = "must be lower-case letters and digits in words joined by single hyphens") String slug,
        @Schema(nullable = true) @Size(max = 2000) String description,
        @Schema(description = "Display order, lowest first; 0 when absent.", nullable = true) @Min(0) @Max(100_000) Integer position) implements TaxonomyInput {
}
