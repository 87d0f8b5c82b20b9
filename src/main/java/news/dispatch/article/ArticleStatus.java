package news.dispatch.article;

import com.fasterxml.jackson.annotation.JsonValue;
import news.dispatch.common.ApiEnum;

/** The editorial workflow: draft, scheduled (published at a future time), published, unpublished. */
public enum ArticleStatus implements ApiEnum {
    DRAFT, SCHEDULED, PUBLISHED, UNPUBLISHED;

    /** Declared here (not only on ApiEnum) so the OpenAPI scanner finds the JSON spelling. */
    @Override
    @JsonValue
    public String value() {
        return ApiEnum.super.value();
    }
}
