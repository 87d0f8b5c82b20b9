package news.dispatch.syndication.webhook;

import com.fasterxml.jackson.annotation.JsonValue;
import news.dispatch.common.ApiEnum;

/** Where a delivery stands: waiting for its (next) attempt, accepted by the receiver, or given up. */
public enum DeliveryStatus implements ApiEnum {
    PENDING, DELIVERED, FAILED;

    /** Declared here (not only on ApiEnum) so the OpenAPI scanner finds the JSON spelling. */
    @Override
    @JsonValue
    public String value() {
        return ApiEnum.super.value();
    }
}
