package news.dispatch.article.preview;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

@Schema(name = "PreviewInput", description = "A new preview link. An empty object makes one that lasts 48 hours.")
public record PreviewInput(
        @Schema(description = "When the link stops working: in the future, at most 7 days from now. Absent: 48 hours "
                + "from now.", nullable = true, examples = "2021-07-12T09:30:00Z") Instant expiresAt) {
}
