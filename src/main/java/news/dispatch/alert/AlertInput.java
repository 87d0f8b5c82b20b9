package news.dispatch.alert;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import news.dispatch.web.SingleLine;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Schema(description = "An alert to issue for a published article, or for one of its live-blog entries.")
public record AlertInput(
        @Schema(description = "The article's slug or id: published and past any embargo.", examples = "kurdistan-votes")
        @NotBlank @Size(max = 200) String article,
        @Schema(description = "`breaking` (push to all), `major` (push to followers of its topics) or `info` (no push).",
                examples = "breaking") @NotNull AlertLevel level,
        @Schema(description = "The push title, at most 110 characters.", examples = "Polls close in the Kurdistan Region")
        @NotBlank @SingleLine @Size(max = 110) String title,
        @Schema(description = "The push text.", nullable = true, examples = "Preliminary results are expected within 24 hours.")
        @Size(max = 1000) String body,
        @Schema(description = "Section or tag slugs the alert is about; absent: the article's section and tags.",
                nullable = true, examples = "[\"politics\", \"iraq\"]")
        @Size(max = 20) List<@NotBlank @Size(max = 200) String> topics,
        @Schema(description = "A live entry of the article the alert points to.", nullable = true) UUID entry,
        @Schema(description = "When the alert stops being active: in the future, at most 7 days ahead; 6 hours when absent.",
                nullable = true) Instant expiresAt) {
}
