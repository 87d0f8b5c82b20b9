package news.dispatch.web;

/** Names of the shared OpenAPI components declared once in META-INF/openapi.yaml. */
public final class ApiResponses {

    public static final String BAD_REQUEST = "#/components/responses/BadRequest";
    public static final String NOT_FOUND = "#/components/responses/NotFound";
    public static final String NOT_ACCEPTABLE = "#/components/responses/NotAcceptable";
    public static final String NOT_MODIFIED = "#/components/responses/NotModified";
    public static final String SERVER_ERROR = "#/components/responses/ServerError";
    public static final String SERVICE_UNAVAILABLE = "#/components/responses/ServiceUnavailable";

    private ApiResponses() {
    }
}
