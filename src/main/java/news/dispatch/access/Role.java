package news.dispatch.access;

import com.fasterxml.jackson.annotation.JsonValue;
import news.dispatch.common.ApiEnum;

/** Who is calling: anonymous readers, partner sites, the newsroom, administrators. Each includes the ones before. */
public enum Role implements ApiEnum {
    ANONYMOUS, PARTNER, EDITOR, ADMIN;

    /** Declared here (not only on ApiEnum) so the OpenAPI scanner finds the JSON spelling. */
    @Override
    @JsonValue
    public String value() {
        return ApiEnum.super.value();
    }

    public boolean atLeast(Role other) {
        return compareTo(other) >= 0;
    }
}
