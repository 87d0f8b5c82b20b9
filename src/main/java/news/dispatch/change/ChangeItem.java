package news.dispatch.change;

import com.fasterxml.jackson.annotation.JsonInclude;
import news.dispatch.article.ArticleView;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

@Schema(description = "One change of an article, in commit order.")
public record ChangeItem(
        @Schema(description = "Position in the feed; increases with commit order (not necessarily by one for a given caller).",
                examples = "1042") long seq,
        @Schema(examples = "publish") ChangeType type,
        @Schema(description = "The article's id (of a `front` entry: the front's, decision 153).") UUID id,
        @Schema(description = "The article's slug after the change; for `visible: false`, the slug it had before the "
                + "change (the one this caller knew).",
                examples = "iraqi-prime-minister-to-meet-biden-in-washington-this-month") String slug,
        @Schema(examples = "2021-07-10T09:30:00Z") Instant at,
        @Schema(description = "Whether the article is visible to this caller after the change: `true` means fetch it "
                + "(`GET /v1/articles/{id}`, or take `article` with `include`) and store it, `false` means remove any copy (unpublished, deleted, "
                + "syndication withdrawn, embargoed, or out of the key's entitlements).", examples = "true")
        boolean visible,
        @Schema(description = "Only with `include`: the article as it is now, as this caller may see it — with "
                + "`include=summary` its summary members, with `include=article` also `body` and `corrections` (never "
                + "`navigation` or `related`). Carried by the last entry of each article on the page, when that entry "
                + "is `visible` and the article still is; an earlier entry of the same article on the page, or one "
                + "whose article is no longer visible (a later page says so), carries none: there is nothing to fetch "
                + "for it (docs/decisions/151).", nullable = true)
        @JsonInclude(JsonInclude.Include.NON_NULL)
        ArticleView article,
        @Schema(description = "Only for keys with early delivery (decision 164): `true` when the story was still under "
                + "embargo after the change; do not show it before `embargoUntil`.", nullable = true)
        @JsonInclude(JsonInclude.Include.NON_NULL)
        Boolean embargoed,
        @Schema(description = "With `embargoed`: when the embargo lifts.", nullable = true)
        @JsonInclude(JsonInclude.Include.NON_NULL)
        Instant embargoUntil) {

    public ChangeItem(long seq, ChangeType type, UUID id, String slug, Instant at, boolean visible) {
        this(seq, type, id, slug, at, visible, null, null, null);
    }

    public ChangeItem(long seq, ChangeType type, UUID id, String slug, Instant at, boolean visible, ArticleView article) {
        this(seq, type, id, slug, at, visible, article, null, null);
    }

    /** This entry carrying the article (include). */
    public ChangeItem with(ArticleView view) {
        return new ChangeItem(seq, type, id, slug, at, visible, view, embargoed, embargoUntil);
    }
}
