package news.dispatch.access;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A key just created: the only response that ever contains its secret.")
public record ApiKeyCreated(
        @JsonUnwrapped ApiKeyView key,
        @Schema(description = "The key to send as `Authorization: Bearer <secret>`. Shown once; store it now.",
                examples = "dk_Qm9vY2tzIGFyZSBncmVhdCBmb3IgbGVhcm5pbmcgdGhpbmdz") String secret) {
}
