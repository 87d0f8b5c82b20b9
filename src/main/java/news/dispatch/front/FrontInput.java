package news.dispatch.front;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import news.dispatch.article.ArticleInput;
import news.dispatch.text.Slugifier;
import news.dispatch.web.SingleLine;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.UUID;

@Schema(description = "A front as editors write it: its collections in display order, each with its articles in order.")
public record FrontInput(
        @Schema(examples = "Home") @NotBlank @SingleLine @Size(max = 300) String title,
        @Schema(description = "Made from the title when absent.", nullable = true, examples = "home")
        @Size(max = Slugifier.MAX_LENGTH) @Pattern(regexp = Slugifier.PATTERN,
                message = "must be lower-case letters and digits in words joined by single hyphens") String slug,
        @Schema(description = "Display order among fronts, lowest first; 0 when absent.", nullable = true)
        @Min(0) @Max(100_000) Integer position,
        @Schema(description = "The collections, in display order (at most " + FrontInput.MAX_COLLECTIONS + ").")
        @NotNull @Size(max = MAX_COLLECTIONS) List<@Valid @NotNull CollectionInput> collections) {

    /** The most collections of a front, and slots of a collection: a front answers in one request. */
    public static final int MAX_COLLECTIONS = 20;
    public static final int MAX_SLOTS = 50;

    @Schema(name = "FrontCollectionInput", description = "A collection of a front.")
    public record CollectionInput(
            @Schema(examples = "Top stories") @NotBlank @SingleLine @Size(max = 200) String title,
            @Schema(description = "The articles, in display order (at most " + FrontInput.MAX_SLOTS + "; each once).")
            @NotNull @Size(max = MAX_SLOTS) List<@Valid @NotNull SlotInput> items) {
    }

    @Schema(name = "FrontSlotInput", description = "One article of a collection, with what the front shows instead of "
            + "the article's own headline or lead image.")
    public record SlotInput(
            @Schema(description = "The article's id.") @NotNull UUID article,
            @Schema(description = "Shown instead of the article's headline on this front.", nullable = true,
                    examples = "Kadhimi to meet Biden") @SingleLine @Size(min = 1, max = 300) String headline,
            @Schema(description = "Shown instead of the article's lead image on this front.", nullable = true)
            @Valid ArticleInput.LeadImageInput image) {
    }
}
