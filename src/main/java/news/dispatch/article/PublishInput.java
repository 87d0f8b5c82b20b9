package news.dispatch.article;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

@Schema(description = "Publish now, or at a future time (scheduling).")
public record PublishInput(
        @Schema(description = "When to publish; absent or not in the future = now.", nullable = true,
                examples = "2021-07-10T09:30:00Z") Instant at) {
}
