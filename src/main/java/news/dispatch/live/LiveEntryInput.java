package news.dispatch.live;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import news.dispatch.web.HttpUrl;
import news.dispatch.web.SingleLine;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/** A live-blog entry as editors write it (POST, and the document a merge-patch applies to). */
@Schema(description = "A live-blog entry as editors write it. PATCH (merge-patch) changes the fields it names.")
public record LiveEntryInput(
        @Schema(description = "The time the entry shows; now when absent on create.", nullable = true,
                examples = "2021-07-10T09:42:00Z") Instant at,
        @Schema(description = "A short headline of the entry.", nullable = true, examples = "Polls close in Erbil")
        @SingleLine @Size(max = 300) String title,
        @NotNull @Valid BodyInput body,
        @Schema(description = "Byline slugs or ids, in credit order.", nullable = true)
        @Size(max = 10) List<@NotBlank @Size(max = 200) String> bylines,
        @Schema(nullable = true) @Valid ImageInput image,
        @Schema(description = "A key event: apps list key events as the blog's summary. False when absent.", nullable = true)
        Boolean keyEvent,
        @Schema(description = "Pinned at the top of the blog. False when absent.", nullable = true) Boolean pinned) {

    @Schema(name = "LiveEntryBodyInput", description = "The entry's text as HTML; sanitised on write as article bodies are.")
    public record BodyInput(
            @Schema(examples = "<p>Polling stations closed at 6pm local time.</p>") @NotNull @Size(max = 100_000) String html) {
    }

    @Schema(name = "LiveEntryImageInput", description = "An image shown with the entry.")
    public record ImageInput(
            @Schema(description = "Absolute http or https URL.", format = "uri", pattern = HttpUrl.PATTERN,
                    examples = "https://www.example.com/media/polls.jpg")
            @NotBlank @Size(max = 2000) @HttpUrl String url,
            @Schema(description = "Alternative text for screen readers.") @NotBlank @SingleLine @Size(max = 1000) String alt,
            @Schema(nullable = true) @SingleLine @Size(max = 1000) String caption,
            @Schema(nullable = true) @SingleLine @Size(max = 500) String credit) {
    }
}
