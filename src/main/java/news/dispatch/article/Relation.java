package news.dispatch.article;

import com.fasterxml.jackson.annotation.JsonValue;
import news.dispatch.common.ApiEnum;

/** How a curated related article relates to the one that links it. */
public enum Relation implements ApiEnum {
    RELATED, BACKGROUND, FOLLOW_UP;

    /** Declared here (not only on ApiEnum) so the OpenAPI scanner finds the JSON spelling. */
    @Override
    @JsonValue
    public String value() {
        return ApiEnum.super.value();
    }
}
