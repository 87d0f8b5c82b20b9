package news.dispatch.article;

import com.fasterxml.jackson.annotation.JsonValue;
import news.dispatch.common.ApiEnum;

/** What a byline did for an article. */
public enum BylineRole implements ApiEnum {
    AUTHOR, AGENCY, CONTRIBUTOR, PHOTOGRAPHER;

    /** Declared here (not only on ApiEnum) so the OpenAPI scanner finds the JSON spelling. */
    @Override
    @JsonValue
    public String value() {
        return ApiEnum.super.value();
    }
}
