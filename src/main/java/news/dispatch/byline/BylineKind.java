package news.dispatch.byline;

import com.fasterxml.jackson.annotation.JsonValue;
import news.dispatch.common.ApiEnum;

/** Whether a byline is a person or an organisation (an agency such as ESTA). */
public enum BylineKind implements ApiEnum {
    PERSON, ORGANISATION;

    /** Declared here (not only on ApiEnum) so the OpenAPI scanner finds the JSON spelling. */
    @Override
    @JsonValue
    public String value() {
        return ApiEnum.super.value();
    }
}
