package news.dispatch.live;

import news.dispatch.web.PageInfo;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

@Schema(description = "Entries of a live blog, newest first (by `at`). Without `since`: the entries it has; with "
        + "`since`: those added, edited or deleted after that poll, deleted ones as tombstones.")
public record LiveEntryPage(
        List<LiveEntryView> items,
        PageInfo page,
        @Schema(description = "Pass as `since` on the next poll: it stands for every entry write so far.",
                examples = "YzEuZW50cmllcy1zaW5jZS4xMg") String latest) {
}
