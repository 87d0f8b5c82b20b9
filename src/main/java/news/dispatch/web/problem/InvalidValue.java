package news.dispatch.web.problem;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

/**
 * A JSON value of the right type that we refuse (text with invalid characters, a time outside what
 * the database stores). Thrown while the body is bound, so Jackson adds the field's path; the problem
 * mapper shows {@link #reason()} as the field's message.
 */
public class InvalidValue extends MismatchedInputException {

    private final String reason;

    public InvalidValue(JsonParser parser, String reason, Class<?> targetType) {
        super(parser, reason, targetType);
        this.reason = reason;
    }

    /** The field's message, written for the client. */
    public String reason() {
        return reason;
    }
}
