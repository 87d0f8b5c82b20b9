package news.dispatch.web.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

@Schema(name = "Problem", description = "An RFC 9457 problem detail, sent as application/problem+json.")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(
        @Schema(description = "Stable URI of the problem type (see docs/problems.md).",
                examples = "urn:dispatch:problem:invalid-request")
        String type,
        @Schema(description = "Fixed summary of the problem type.", examples = "The request is not valid")
        String title,
        @Schema(description = "The HTTP status.", examples = "400")
        int status,
        @Schema(description = "What went wrong with this request.", examples = "The query has 1 invalid parameter.")
        String detail,
        @Schema(description = "Identifies this occurrence; the same id is in the X-Request-Id header and the server log.",
                examples = "urn:dispatch:request:3f1c6f0e-8a8b-4c51-9d7e-0b9e5a3d1f10")
        String instance,
        @Schema(description = "One entry per invalid field or parameter (validation problems only).")
        List<FieldError> errors) {
}
