package news.dispatch.tag;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "The tag to merge into.")
public record TagMergeInput(@Schema(description = "Slug or id of the tag that remains.", examples = "kadhimi")
                            @NotBlank @Size(max = 200) String into) {
}
