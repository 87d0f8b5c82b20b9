package news.dispatch.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

@Schema(description = "Paging state of a list.")
public record PageInfo(
        @Schema(description = "The page size used.", examples = "20")
        int limit,
        @Schema(description = "Opaque cursor of the next page (pass it as `cursor`), or null on the last page.",
                nullable = true, examples = "djE6cHViOjE2MjU5MDk0MDAwMDAwMDA6MDE5MGE1...")
        String next,
        @Schema(description = "How many items the whole list has; only with `count=true`.", nullable = true,
                examples = "42")
        @JsonInclude(JsonInclude.Include.NON_NULL)
        Long total,
        @Schema(description = "Batch reads (`ids`) only: the ids and slugs asked for that name no article this caller "
                + "may see (never published, unpublished, deleted, embargoed, outside a partner's rights, or a former "
                + "slug), in the order asked; empty when every one was found.", nullable = true,
                examples = "[\"no-such-story\"]")
        @JsonInclude(JsonInclude.Include.NON_NULL)
        List<String> missing) {

    public PageInfo(int limit, String next, Long total) {
        this(limit, next, total, null);
    }
}
