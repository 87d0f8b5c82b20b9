package news.dispatch.change;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

@Schema(description = "A page of the change feed. `next` is always present: store it and pass it as `since` to resume "
        + "exactly after the last change this page covered (an empty page still moves the position on).")
public record ChangePage(
        List<ChangeItem> items,
        @Schema(description = "Opaque cursor to resume from.", examples = "c1.Y2hhbmdlcw.MTA0Mg.MTA0Mg") String next) {
}
