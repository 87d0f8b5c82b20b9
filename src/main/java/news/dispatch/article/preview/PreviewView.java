package news.dispatch.article.preview;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

@Schema(name = "Preview", description = "A preview link of a draft or scheduled article. The token is shown once, when "
        + "the link is made; lists show the rest.")
public record PreviewView(
        @Schema(description = "The preview's id (to revoke it).") UUID id,
        @Schema(description = "The article it opens.") UUID articleId,
        @Schema(description = "The secret token: pass it as `preview` to `GET /v1/articles/{id}`. Only in the answer "
                + "that made the link; never shown again.", nullable = true,
                examples = "pv_q3Jt0cX8m1yZ9GfQe6bqVY2dYQ8mH4oWcR5nLkP7sTg")
        @JsonInclude(JsonInclude.Include.NON_NULL) String token,
        @Schema(description = "The preview URL to share (relative to the API's base URL), with the token. Only with "
                + "`token`.", nullable = true,
                examples = "/v1/articles/0190a5c2-6d0e-7c1b-9f7a-2b4c8e1d3f56?preview=pv_q3Jt0cX8m1yZ9GfQe6bqVY2dYQ8mH4oWcR5nLkP7sTg")
        @JsonInclude(JsonInclude.Include.NON_NULL) String url,
        @Schema(examples = "2021-07-10T09:30:00Z") Instant createdAt,
        @Schema(description = "When the link stops working.", examples = "2021-07-12T09:30:00Z") Instant expiresAt,
        @Schema(description = "When it was revoked; null while it is not.", nullable = true) Instant revokedAt,
        @Schema(description = "Whether the link opens the article now: not expired, not revoked, and the article still "
                + "a draft or scheduled.", examples = "true") boolean active) {
}
