package news.dispatch.front;

import com.fasterxml.jackson.databind.JsonNode;
import news.dispatch.article.LeadImage;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

@Schema(description = "A curated front as apps show it: its collections in order, each with the published articles of "
        + "its slots as list summaries (`fields` and `include` apply to them), with the front's overrides.")
public record FrontView(
        @Schema(examples = "home") String slug,
        @Schema(examples = "Home") String title,
        @Schema(description = "When the front itself was last changed (its articles change on their own).",
                examples = "2021-07-10T09:30:00Z") Instant updatedAt,
        List<Collection> collections) {

    @Schema(name = "FrontCollection", description = "A collection of a front.")
    public record Collection(
            @Schema(examples = "Top stories") String title,
            @Schema(description = "Its slots whose articles the caller may see now, in order: a draft, an unpublished "
                    + "or deleted article, or one the caller's rights withhold, is left out.")
            List<Item> items) {
    }

    @Schema(name = "FrontItem", description = "One article of a collection.")
    public record Item(
            @Schema(description = "The article's summary, as lists show it (trimmed by `fields`).",
                    type = SchemaType.OBJECT, implementation = news.dispatch.article.ArticleSummary.class) JsonNode article,
            @Schema(description = "The front's headline for it, shown instead of the article's; null when none.",
                    nullable = true, examples = "Kadhimi to meet Biden") String headline,
            @Schema(description = "The front's image for it, shown instead of the article's lead image; null when none.",
                    nullable = true) LeadImage image) {
    }
}
