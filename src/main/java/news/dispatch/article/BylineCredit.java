package news.dispatch.article;

import news.dispatch.byline.BylineKind;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A byline credited on an article, with its role.")
public record BylineCredit(
        @Schema(examples = "esta") String slug,
        @Schema(examples = "ESTA") String name,
        @Schema(examples = "organisation") BylineKind kind,
        @Schema(examples = "agency") BylineRole role) {
}
