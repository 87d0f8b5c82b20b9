package news.dispatch.tag;

import com.fasterxml.jackson.annotation.JsonValue;
import news.dispatch.common.ApiEnum;

/** What a tag names. */
public enum TagType implements ApiEnum {
    TOPIC, PERSON, PLACE, ORGANISATION;

    /** Declared here (not only on ApiEnum) so the OpenAPI scanner finds the JSON spelling. */
    @Override
    @JsonValue
    public String value() {
        return ApiEnum.super.value();
    }
}
