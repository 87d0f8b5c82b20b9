package news.dispatch.web.problem;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.quarkus.logging.Log;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import news.dispatch.web.AllowedMethods;
import news.dispatch.web.RequestIds;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The one place where failures become application/problem+json. Library messages never reach
 * the client: each branch writes its own detail.
 */
@ApplicationScoped
public class ProblemMapper {

    public static final String PROBLEM_JSON = "application/problem+json";

    private final ObjectMapper json;
    private final AllowedMethods allowedMethods;

    public ProblemMapper(ObjectMapper json, AllowedMethods allowedMethods) {
        this.json = json;
        this.allowedMethods = allowedMethods;
    }

    @ServerExceptionMapper
    public Response ours(ProblemException e, HttpServerRequest request) {
        return respond(e.type(), e.getMessage(), e.errors(), e.headers(), request);
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, HttpServerRequest request) {
        List<FieldError> errors = new ArrayList<>();
        for (ConstraintViolation<?> v : e.getConstraintViolations()) {
            errors.add(new FieldError(fieldPath(v.getPropertyPath()), v.getMessage()));
        }
        errors.sort(Comparator.comparing(FieldError::field).thenComparing(FieldError::message));
        ProblemException p = ProblemException.invalid(errors);
        return respond(p.type(), p.getMessage(), p.errors(), Map.of(), request);
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e, HttpServerRequest request) {
        String field = e instanceof JsonMappingException m ? jsonPath(m.getPath()) : null;
        String message;
        if (e instanceof UnrecognizedPropertyException) {
            message = "unknown field";
        } else if (e instanceof InvalidValue v) {
            message = v.reason();
        } else if (e instanceof InvalidFormatException f) {
            message = "must be a " + typeName(f.getTargetType());
        } else if (e instanceof MismatchedInputException m) {
            message = m.getTargetType() == null ? "has the wrong type" : "must be a " + typeName(m.getTargetType());
        } else if (e instanceof JsonParseException) {
            message = "the body is not well-formed JSON";
        } else {
            message = "cannot be read";
        }
        if (field == null || field.isEmpty()) {
            return respond(ProblemType.INVALID_REQUEST, "The request body cannot be read: " + message + ".",
                    List.of(new FieldError("body", message)), Map.of(), request);
        }
        return respond(ProblemType.INVALID_REQUEST, field + ": " + message,
                List.of(new FieldError(field, message)), Map.of(), request);
    }

    /** Declared for the subtype too: quarkus-rest-jackson has a built-in mapper for it that would win otherwise. */
    @ServerExceptionMapper
    public Response mismatchedInput(MismatchedInputException e, HttpServerRequest request) {
        return unreadableJson(e, request);
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonParseException e, HttpServerRequest request) {
        return unreadableJson(e, request);
    }

    @ServerExceptionMapper
    public Response unreadablePatch(UnreadableJson e, HttpServerRequest request) {
        return unreadableJson(e.getCause(), request);
    }

    /** A write that lost a race the service could not see coming (a unique slug taken meanwhile). */
    @ServerExceptionMapper
    public Response integrity(org.hibernate.exception.ConstraintViolationException e, HttpServerRequest request) {
        var kind = e.getKind();
        if (kind != org.hibernate.exception.ConstraintViolationException.ConstraintKind.UNIQUE
                && kind != org.hibernate.exception.ConstraintViolationException.ConstraintKind.FOREIGN_KEY) {
            return lastResort(e, request); // NOT NULL or CHECK: our bug, not the client's
        }
        Log.infof("Request %s conflicted with a database constraint: %s", RequestIds.of(request), e.getConstraintName());
        return respond(ProblemType.CONFLICT, "The request conflicts with existing data (a name or slug already in use).",
                null, Map.of(), request);
    }

    /** A concurrent edit committed first: the same answer as a stale If-Match. */
    @ServerExceptionMapper
    public Response staleVersion(jakarta.persistence.OptimisticLockException e, HttpServerRequest request) {
        return respond(ProblemType.PRECONDITION_FAILED,
                "The resource was changed by another request meanwhile: fetch it again, reapply your edit and retry.",
                null, Map.of(), request);
    }

    @ServerExceptionMapper
    public Response framework(WebApplicationException e, HttpServerRequest request, HttpHeaders headers) {
        int status = e.getResponse().getStatus();
        if (status == 400 && e.getCause() instanceof JsonProcessingException json) {
            return unreadableJson(json, request); // the JSON reader wraps malformed bodies
        }
        if (status == 400 && e.getCause() == null && e.getClass() == jakarta.ws.rs.BadRequestException.class) {
            return respond(ProblemType.INVALID_REQUEST, "The request body cannot be read.",
                    List.of(new FieldError("body", "cannot be read as JSON")), Map.of(), request);
        }
        ProblemType type = ProblemType.forStatus(status);
        String detail = switch (status) {
            case 404 -> "No resource at " + request.path() + ".";
            case 405 -> "The method " + request.method() + " is not allowed on " + request.path() + ".";
            case 406 -> "None of the media types in Accept is available here.";
            case 415 -> "The media type " + headers.getHeaderString(HttpHeaders.CONTENT_TYPE) + " is not supported here.";
            case 413 -> "The request body is larger than the configured limit.";
            default -> type.title() + ".";
        };
        if (status >= 500) {
            Log.errorf(e, "Request %s failed with %d", RequestIds.of(request), status);
            detail = "The server could not complete the request.";
        }
        String allow = e.getResponse().getHeaderString(HttpHeaders.ALLOW);
        if (allow == null && status == 405) {
            allow = allowedMethods.allow(request.path()).orElse(null);
        }
        Map<String, String> extra = allow != null ? Map.of(HttpHeaders.ALLOW, allow) : Map.of();
        return respond(type, detail, null, extra, request, status);
    }

    @ServerExceptionMapper(priority = jakarta.ws.rs.Priorities.USER + 1000)
    public Response lastResort(Throwable e, HttpServerRequest request) {
        if (DatabaseUnavailable.isCause(e)) {
            // An outage is not a bug: one warning line without a stack trace, and the client may retry.
            Log.warnf("Request %s: database unavailable (%s)", RequestIds.of(request), DatabaseUnavailable.summary(e));
            return respond(ProblemType.SERVICE_UNAVAILABLE, "The database is unavailable at the moment. Try again shortly.",
                    null, Map.of("Retry-After", DatabaseUnavailable.RETRY_AFTER_SECONDS), request);
        }
        if (e instanceof java.io.IOException && "Request too large".equals(e.getMessage())) {
            // The REST layer already answered 413 while reading a body without a length (HTTP/2; HTTP/1.1 chunked
            // bodies are read before it, web/ChunkedBodies): the client's doing, not a failure to log.
            return respond(ProblemType.PAYLOAD_TOO_LARGE, "The request body is larger than the configured limit.",
                    null, Map.of(), request);
        }
        if (DatabaseUnavailable.isUnstorableText(e)) {
            // Text PostgreSQL cannot hold (a NUL character, an invalid byte sequence) is the client's input.
            return respond(ProblemType.INVALID_REQUEST, "The request contains characters that cannot be stored or searched.",
                    null, Map.of(), request);
        }
        Log.errorf(e, "Request %s failed", RequestIds.of(request));
        return respond(ProblemType.INTERNAL, "The server could not complete the request. Quote the instance when reporting it.",
                null, Map.of(), request);
    }

    private Response respond(ProblemType type, String detail, List<FieldError> errors, Map<String, String> headers,
                             HttpServerRequest request) {
        return respond(type, detail, errors, headers, request, type.status());
    }

    private Response respond(ProblemType type, String detail, List<FieldError> errors, Map<String, String> headers,
                             HttpServerRequest request, int status) {
        Problem problem = new Problem(type.uri(), type.title(), status, detail,
                RequestIds.instance(RequestIds.of(request)), errors);
        Response.ResponseBuilder builder = Response.status(status).type(PROBLEM_JSON).entity(bytes(problem))
                .header(HttpHeaders.CACHE_CONTROL, "no-store");
        headers.forEach(builder::header);
        return builder.build();
    }

    public byte[] bytes(Problem problem) {
        try {
            return json.writeValueAsBytes(problem);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** "create.input.leadImage.alt" → "leadImage.alt"; list elements as "tags[0]", "bylines[1].byline", "[0].article". */
    static String fieldPath(Path path) {
        StringBuilder out = new StringBuilder();
        for (Path.Node node : path) {
            switch (node.getKind()) {
                case METHOD, CONSTRUCTOR, RETURN_VALUE, CROSS_PARAMETER -> {
                    continue;
                }
                case PARAMETER -> {
                    out.setLength(0);
                    continue;
                }
                default -> {
                }
            }
            // An index or key belongs to the container the node sits in, so it comes before the node's name.
            if (node.isInIterable() && (node.getIndex() != null || node.getKey() != null)) {
                out.append('[').append(node.getIndex() != null ? node.getIndex() : node.getKey()).append(']');
            }
            if (node.getName() == null || node.getKind() == jakarta.validation.ElementKind.CONTAINER_ELEMENT) {
                continue;
            }
            if (out.length() > 0) {
                out.append('.');
            }
            out.append(node.getName());
        }
        return out.length() == 0 ? "body" : out.toString();
    }

    static String jsonPath(List<JsonMappingException.Reference> refs) {
        StringBuilder out = new StringBuilder();
        for (JsonMappingException.Reference ref : refs) {
            if (ref.getFieldName() != null) {
                if (out.length() > 0) {
                    out.append('.');
                }
                out.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                out.append('[').append(ref.getIndex()).append(']');
            }
        }
        return out.toString();
    }

    private static String typeName(Class<?> type) {
        if (type == null) {
            return "value of the right type";
        }
        if (Number.class.isAssignableFrom(type) || type == int.class || type == long.class || type == double.class) {
            return "number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "boolean";
        }
        if (type == String.class) {
            return "string";
        }
        if (type.isEnum()) {
            return "one of the documented values";
        }
        if (java.time.temporal.Temporal.class.isAssignableFrom(type)) {
            return "RFC 3339 date-time";
        }
        if (java.util.Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "array";
        }
        if (type == java.util.UUID.class) {
            return "UUID";
        }
        return "JSON object";
    }
}
