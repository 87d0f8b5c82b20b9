package news.dispatch.web;

/**
 * Names of the shared OpenAPI responses declared once in META-INF/openapi.yaml. The standard problem
 * responses reach every operation through {@link ProblemResponsesFilter}; resources name one here only
 * for what an operation says of its own (a 409).
 */
public final class ApiResponses {

    public static final String BAD_REQUEST = "#/components/responses/BadRequest";
    public static final String NOT_FOUND = "#/components/responses/NotFound";
    public static final String GONE = "#/components/responses/Gone";
    public static final String NOT_ACCEPTABLE = "#/components/responses/NotAcceptable";
    public static final String NOT_MODIFIED = "#/components/responses/NotModified";
    public static final String SERVER_ERROR = "#/components/responses/ServerError";
    public static final String UNAUTHORIZED = "#/components/responses/Unauthorized";
    public static final String FORBIDDEN = "#/components/responses/Forbidden";
    public static final String CONFLICT = "#/components/responses/Conflict";
    public static final String PRECONDITION_FAILED = "#/components/responses/PreconditionFailed";
    public static final String PRECONDITION_REQUIRED = "#/components/responses/PreconditionRequired";
    public static final String PAYLOAD_TOO_LARGE = "#/components/responses/PayloadTooLarge";
    public static final String UNSUPPORTED_MEDIA_TYPE = "#/components/responses/UnsupportedMediaType";
    public static final String TOO_MANY_REQUESTS = "#/components/responses/TooManyRequests";
    public static final String SERVICE_UNAVAILABLE = "#/components/responses/ServiceUnavailable";

    private ApiResponses() {
    }
}
