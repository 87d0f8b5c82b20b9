package news.dispatch.alert;

import com.fasterxml.jackson.annotation.JsonValue;
import news.dispatch.common.ApiEnum;

/** How loudly an app should push an alert. */
public enum AlertLevel implements ApiEnum {
    /** Interrupts: push to everyone who takes alerts. */
    BREAKING,
    /** Push to those who follow its topics. */
    MAJOR,
    /** Shown in the app, no push. */
    INFO;

    @Override
    @JsonValue
    public String value() {
        return ApiEnum.super.value();
    }
}
