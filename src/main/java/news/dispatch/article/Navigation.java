package news.dispatch.article;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "The chronologically previous and next published article in the same section.")
public record Navigation(
        @Schema(description = "The newest published article of the section older than this one.", nullable = true) ArticleSummary previous,
        @Schema(description = "The oldest published article of the section newer than this one.", nullable = true) ArticleSummary next) {
}
