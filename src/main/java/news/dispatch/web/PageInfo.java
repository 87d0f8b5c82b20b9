package news.dispatch.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

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
        Long total) {
}
