package news.dispatch.article;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

@Schema(description = "A full article: the summary fields plus body, corrections, navigation and related posts.")
public record ArticleView(
        @JsonUnwrapped ArticleSummary summary,
        Body body,
        @Schema(description = "Oldest first.") List<Correction> corrections,
        Navigation navigation,
        List<RelatedArticle> related,
        @Schema(description = "With the body: the uploaded images it shows, in the order of the body, each once, with "
                + "their renditions per aspect ratio (empty when it shows none).", nullable = true)
        List<InlineImage> images) {

    public ArticleView(ArticleSummary summary, Body body, List<Correction> corrections, Navigation navigation,
                       List<RelatedArticle> related) {
        this(summary, body, corrections, navigation, related, null);
    }
}
