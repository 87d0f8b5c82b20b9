package news.dispatch.web.problem;

/**
 * Every kind of problem the API reports, with its stable type URI, fixed title and status.
 * The list is documented in docs/problems.md.
 */
public enum ProblemType {
    INVALID_REQUEST("invalid-request", "The request is not valid", 400),
    UNAUTHORIZED("unauthorized", "Authentication is required", 401),
    FORBIDDEN("forbidden", "Not allowed for this key", 403),
    NOT_FOUND("not-found", "Not found", 404),
    METHOD_NOT_ALLOWED("method-not-allowed", "Method not allowed", 405),
    NOT_ACCEPTABLE("not-acceptable", "No acceptable representation", 406),
    CONFLICT("conflict", "Conflict with the current state", 409),
    GONE("gone", "Gone", 410),
    PRECONDITION_FAILED("precondition-failed", "The resource has changed", 412),
    PAYLOAD_TOO_LARGE("payload-too-large", "The request body is too large", 413),
    URI_TOO_LONG("uri-too-long", "The request target is too long", 414),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", "Unsupported media type", 415),
    PRECONDITION_REQUIRED("precondition-required", "If-Match is required", 428),
    RATE_LIMITED("rate-limited", "Too many requests", 429),
    HEADERS_TOO_LARGE("headers-too-large", "The request headers are too large", 431),
    INTERNAL("internal", "Internal error", 500),
    SERVICE_UNAVAILABLE("service-unavailable", "Service unavailable", 503);

    public static final String PREFIX = "urn:dispatch:problem:";

    private final String slug;
    private final String title;
    private final int status;

    ProblemType(String slug, String title, int status) {
        this.slug = slug;
        this.title = title;
        this.status = status;
    }

    public String uri() {
        return PREFIX + slug;
    }

    public String title() {
        return title;
    }

    public int status() {
        return status;
    }

    /** The type for a bare HTTP status, as raised by the framework (405, 406, 415...). */
    public static ProblemType forStatus(int status) {
        for (ProblemType type : values()) {
            if (type.status == status) {
                return type;
            }
        }
        return status >= 500 ? INTERNAL : INVALID_REQUEST;
    }
}
