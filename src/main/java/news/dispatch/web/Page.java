package news.dispatch.web;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** The shape of every list: {@code { "items": [...], "page": { "limit", "next", "total"? } }}. */
public record Page<T>(
        @Schema(description = "This page's items, in the list's order.")
        List<T> items,
        @Schema(description = "Where the list goes on.")
        PageInfo page) {
}
