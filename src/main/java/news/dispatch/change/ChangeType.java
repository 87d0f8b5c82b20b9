package news.dispatch.change;

import com.fasterxml.jackson.annotation.JsonValue;
import news.dispatch.common.ApiEnum;

/** What happened to an article, as the change feed reports it. */
public enum ChangeType implements ApiEnum {
    /** Became visible: published now, or a scheduled publication reached its time. */
    PUBLISH,
    /** A visible article was edited, or a section, tag or byline it shows was renamed or merged (decision 056). */
    UPDATE,
    /** A correction was appended to a visible article (decision 101): refetch it and show the correction. */
    CORRECTION,
    /** Taken down: partners remove it. */
    UNPUBLISH,
    /** Deleted: a tombstone. */
    DELETE,
    /** Syndication rights changed (allowed flag or embargo time). */
    RIGHTS,
    /** An embargo ended: partners may now show the article. */
    EMBARGO_LIFT,
    /** An entry was added to a visible live blog (decision 160): fetch its entries since the last poll. */
    ENTRY_ADDED,
    /** An entry of a visible live blog was edited. */
    ENTRY_UPDATED,
    /** An entry of a visible live blog was deleted. */
    ENTRY_DELETED,
    /** A breaking-news alert was issued for a visible article (decision 161): read it at {@code /v1/alerts}. */
    ALERT,
    /**
     * A curated front was created, changed (by an editor or a scheduled change) or deleted (decision 153): the entry's
     * {@code id} and {@code slug} are the front's; refetch {@code GET /v1/fronts/{slug}}, or drop it when not visible.
     */
    FRONT;

    /** Declared here (not only on ApiEnum) so the OpenAPI scanner finds the JSON spelling. */
    @Override
    @JsonValue
    public String value() {
        return ApiEnum.super.value();
    }
}
