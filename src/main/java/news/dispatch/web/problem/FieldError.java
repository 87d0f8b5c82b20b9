package news.dispatch.web.problem;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "One invalid field or parameter.")
public record FieldError(
        @Schema(description = "JSON path of the field in the body, or the name of the query parameter or header.",
                examples = "leadImage.alt")
        String field,
        @Schema(description = "What is wrong with it.", examples = "must not be blank")
        String message) {
}
