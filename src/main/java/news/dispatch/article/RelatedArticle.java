package news.dispatch.article;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "An article summary with how it relates: curated links first, in the editor's order, then articles sharing the most tags (relation `related`).")
public record RelatedArticle(
        @JsonUnwrapped ArticleSummary article,
        @Schema(examples = "background") Relation relation) {
}
