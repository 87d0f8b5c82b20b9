package news.dispatch.article;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A curated link to another article.")
public record RelatedLinkInput(
        @Schema(description = "Slug or id of the linked article.", examples = "kadhimi-arrives-in-washington")
        @NotBlank @Size(max = 200) String article,
        @Schema(description = "related (default), background or follow-up.", nullable = true) Relation relation) {
}
