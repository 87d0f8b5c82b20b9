package news.dispatch.byline;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import news.dispatch.taxonomy.TaxonomyInput;
import news.dispatch.text.Slugifier;
import news.dispatch.web.HttpUrl;
import news.dispatch.web.SingleLine;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

@Schema(description = "A byline as editors write it.")
public record BylineInput(
        @Schema(examples = "ESTA") @NotBlank @SingleLine @Size(max = 200) String name,
        @Schema(description = "Made from the name when absent.", nullable = true)
        @Size(max = Slugifier.MAX_LENGTH) @Pattern(regexp = Slugifier.PATTERN, message = "must be lower-case letters and digits in words joined by single hyphens") String slug,
        @Schema(description = "person or organisation.") @NotNull BylineKind kind,
        @Schema(nullable = true) @SingleLine @Size(max = 200) String title,
        @Schema(nullable = true) @Size(max = 4000) String bio,
        @Schema(nullable = true, format = "uri", pattern = HttpUrl.PATTERN) @Size(max = 2000) @HttpUrl String avatarUrl,
        @Schema(description = "Profile links, in order.") @Size(max = 20) List<@NotNull @Valid LinkInput> links) implements TaxonomyInput {

    @Schema(name = "BylineLinkInput", description = "A profile link.")
    public record LinkInput(
            @Schema(examples = "Website") @NotBlank @SingleLine @Size(max = 200) String title,
            @Schema(examples = "https://www.example.com/esta", format = "uri", pattern = HttpUrl.PATTERN) @NotBlank @Size(max = 2000)
            @HttpUrl String url) {
    }
}
