package news.dispatch.search;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import news.dispatch.article.ArticleView;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "A search result: the article summary (trimmed by `fields`, with `body` or `corrections` when "
        + "included), its relevance and a highlighted snippet.")
public record SearchHit(
        @JsonUnwrapped ArticleView article,
        @Schema(description = "Relevance, higher is better (headline matches weigh most, then standfirst, then body); "
                + "comparable only within one result list.", examples = "0.6079271") double score,
        @Schema(description = "An HTML-escaped passage of the standfirst and body with the matching words in "
                + "`<mark>` elements; empty when only the headline matched and there is no text.",
                examples = "… The Iraqi prime minister will <mark>meet</mark> President Biden in Washington …")
        String highlight) implements news.dispatch.article.ShowsArticle {
}
