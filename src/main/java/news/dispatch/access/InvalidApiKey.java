package news.dispatch.access;

import io.quarkus.security.AuthenticationFailedException;

/**
 * Why a presented key cannot be used (malformed, unknown or revoked), as the cause of the authentication's failure:
 * a 401 with {@code error="invalid_token"}, even on public reads. The message is the problem's detail.
 */
public final class InvalidApiKey extends RuntimeException {

    private InvalidApiKey(String detail) {
        super(detail, null, false, false);
    }

    /** The failure of authentication for this reason. */
    static AuthenticationFailedException failure(String detail) {
        return new AuthenticationFailedException(detail, new InvalidApiKey(detail));
    }

    /** The InvalidApiKey among a failure's causes, or null (the failure is something else: a database outage). */
    static InvalidApiKey in(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof InvalidApiKey invalid) {
                return invalid;
            }
        }
        return null;
    }
}
