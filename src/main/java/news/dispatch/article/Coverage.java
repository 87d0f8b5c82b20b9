package news.dispatch.article;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

@Schema(description = "When a live blog's coverage starts and ends; null for articles that are not live.")
public record Coverage(
        @Schema(nullable = true, examples = "2021-07-10T09:30:00Z") Instant start,
        @Schema(description = "Null while the blog runs.", nullable = true) Instant end) {
}
