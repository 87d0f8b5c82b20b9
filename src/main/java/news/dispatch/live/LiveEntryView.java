package news.dispatch.live;

import news.dispatch.article.Body;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Schema(description = "A live-blog entry. A deleted one (only in answers with `since`) has `deleted: true`, its id, "
        + "article and `updatedAt`, and null for the rest.")
public record LiveEntryView(
        @Schema(description = "Time-ordered UUID (v7).") UUID id,
        @Schema(description = "The live blog's article id.") UUID articleId,
        @Schema(description = "The time the entry shows.", nullable = true, examples = "2021-07-10T09:42:00Z") Instant at,
        @Schema(nullable = true, examples = "Polls close in Erbil") String title,
        @Schema(nullable = true) Body body,
        @Schema(description = "In credit order.", nullable = true) List<Credit> bylines,
        @Schema(nullable = true) Image image,
        @Schema(nullable = true) Boolean keyEvent,
        @Schema(nullable = true) Boolean pinned,
        @Schema(description = "When the entry was last written (or deleted).") Instant updatedAt,
        @Schema(description = "True for a deleted entry: remove it.") boolean deleted) {

    @Schema(name = "LiveEntryByline", description = "A byline credited on an entry.")
    public record Credit(@Schema(examples = "rudaw-staff") String slug, @Schema(examples = "Rudaw staff") String name) {
    }

    @Schema(name = "LiveEntryImage", description = "An image shown with the entry.")
    public record Image(String url, String alt, @Schema(nullable = true) String caption, @Schema(nullable = true) String credit) {
    }
}
