package news.dispatch.web;

import io.quarkus.logging.Log;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import news.dispatch.web.problem.Problem;
import news.dispatch.web.problem.ProblemMapper;
import news.dispatch.web.problem.ProblemType;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Map;

/**
 * What the HTTP server used to refuse or fail with an empty or plain-text answer, answered as problem+json with the
 * request id and the security headers (docs/decisions/121-low-level-errors.md):
 * <ul>
 *   <li>a request target longer than {@code dispatch.http.limits.max-target-length} (414), headers larger than
 *       {@code dispatch.http.limits.max-header-size} (431): the HTTP codec's own limits
 *       ({@code quarkus.http.limits.*}) are set higher, so only requests beyond those get its empty answer;</li>
 *   <li>an HTTP/1.1 request without a valid {@code Host} (400, RFC 9112 3.2); HTTP/1.0 may leave it out;</li>
 *   <li>a request target that is not a URI (400). The characters clients send unencoded in a query
 *       ({@code | [ ] { } ^ `} and {@code "}) are accepted: Quarkus' own check, which refused them with an empty 400, is off
 *       ({@code vertx.disableURIValidation}, set by {@code DispatchMain} and the build's test configuration);</li>
 *   <li>any failure of a router handler (a chunked body over the limit, 413), which Quarkus' error handler would
 *       log with the whole URI, {@code ?apiKey=} included: here the log line names the request id only.</li>
 * </ul>
 */
@Singleton
public class RequestChecks implements FrontDoor.Step {

    private final long maxTarget;
    private final long maxHeaders;
    private final ProblemMapper problems;
    private final SecurityHeaders securityHeaders;

    public RequestChecks(@ConfigProperty(name = "dispatch.http.limits.max-target-length") MemorySize maxTarget,
                         @ConfigProperty(name = "dispatch.http.limits.max-header-size") MemorySize maxHeaders,
                         ProblemMapper problems, SecurityHeaders securityHeaders) {
        this.maxTarget = maxTarget.asLongValue();
        this.maxHeaders = maxHeaders.asLongValue();
        this.problems = problems;
        this.securityHeaders = securityHeaders;
    }

    /**
     * Right after the route template and the request metrics (which read the path safely, and count these answers
     * under {@code /UNMATCHED}), before every step that reads the path as Vert.x normalises it (a broken escape
     * would fail them) or trusts the request's form.
     */
    @Override
    public int order() {
        return 6;
    }

    void install(@Observes Router router) {
        router.route().order(FrontDoor.ORDER).failureHandler(this::failed);
    }

    @Override
    public boolean handle(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        String target = request.uri();
        if (target.length() > maxTarget) {
            answer(ctx, ProblemType.URI_TOO_LONG, "The request target is longer than " + maxTarget + " characters.");
            return true;
        }
        if (headerBytes(request) > maxHeaders) {
            answer(ctx, ProblemType.HEADERS_TOO_LARGE, "The request headers are larger than " + maxHeaders + " bytes.");
            return true;
        }
        if (request.version() != HttpVersion.HTTP_1_0 && request.authority() == null) {
            answer(ctx, ProblemType.INVALID_REQUEST, "The Host header is missing or malformed.");
            return true;
        }
        if (!validTarget(target)) {
            answer(ctx, ProblemType.INVALID_REQUEST, "The request target is not a valid URI: encode reserved characters "
                    + "and write % only as the start of an escape (RFC 3986).");
            return true;
        }
        return false;
    }

    private static long headerBytes(HttpServerRequest request) {
        long bytes = 0;
        for (Map.Entry<String, String> header : request.headers()) {
            bytes += header.getKey().length() + header.getValue().length() + 4;
        }
        return bytes;
    }

    /**
     * An origin-form target (RFC 9112 3.2.1): a path starting with {@code /} and an optional query, of URI characters
     * and well-formed escapes, plus the characters browsers and curl leave unencoded in a query.
     */
    static boolean validTarget(String target) {
        if (target.isEmpty() || target.charAt(0) != '/') {
            return target.equals("*");
        }
        boolean query = false;
        for (int i = 0; i < target.length(); i++) {
            char c = target.charAt(i);
            if (c == '%') {
                if (i + 2 >= target.length() || !hex(target.charAt(i + 1)) || !hex(target.charAt(i + 2))) {
                    return false;
                }
                i += 2;
            } else if (c == '?') {
                query = true;
            } else if (c == '#') {
                return false;
            } else if (!uriCharacter(c) && !(query && lenient(c))) {
                return false;
            }
        }
        return true;
    }

    private static boolean uriCharacter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || "-._~!$&'()*+,;=:@/?".indexOf(c) >= 0;
    }

    /** Left unencoded in a query by browsers, curl and fetch; the API decodes them like their escapes. */
    private static boolean lenient(char c) {
        return "|[]{}^`\"".indexOf(c) >= 0;
    }

    private static boolean hex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }

    /** A router handler failed the request: problem+json, and for a 5xx one log line with the request id, never the URI. */
    private void failed(RoutingContext ctx) {
        if (ctx.response().headWritten()) {
            ctx.response().reset();
            return;
        }
        String requestId = requestId(ctx);
        int status = ctx.statusCode();
        Throwable failure = ctx.failure();
        ProblemType type;
        String detail;
        if (status == 413) {
            type = ProblemType.PAYLOAD_TOO_LARGE;
            detail = "The request body is larger than the configured limit.";
            closeConnection(ctx);
        } else if (status >= 400 && status < 500) {
            type = ProblemType.forStatus(status);
            detail = type.title() + ".";
        } else if (ctx.request().authority() == null && ctx.request().version() != HttpVersion.HTTP_1_0) {
            type = ProblemType.INVALID_REQUEST;
            detail = "The Host header is missing or malformed.";
            status = 400;
        } else {
            type = ProblemType.INTERNAL;
            status = 500;
            detail = "The server could not complete the request. Quote the instance when reporting it.";
            Log.errorf(failure, "Request %s failed", requestId);
        }
        respond(ctx, type, status, detail);
    }

    /**
     * Asks an HTTP/1 client to close the connection after this answer (the rest of what it sends cannot be read as
     * requests). Not on HTTP/2, where a {@code Connection} header makes the answer malformed (RFC 9113 8.2.2) and the
     * stream ends by itself.
     */
    static void closeConnection(RoutingContext ctx) {
        if (ctx.request().version() != HttpVersion.HTTP_2) {
            ctx.response().putHeader("Connection", "close");
        }
    }

    private void answer(RoutingContext ctx, ProblemType type, String detail) {
        closeConnection(ctx);
        respond(ctx, type, type.status(), detail);
    }

    /** The request's id; one is given here before the request id step, or to a request failed before the front door ran. */
    private static String requestId(RoutingContext ctx) {
        String id = RequestIds.of(ctx.request());
        if (id == null) {
            id = RequestIds.newId();
            ctx.request().headers().set(RequestIds.HEADER, id);
            ctx.response().headers().set(RequestIds.HEADER, id);
        }
        return id;
    }

    private void respond(RoutingContext ctx, ProblemType type, int status, String detail) {
        Problem problem = new Problem(type.uri(), type.title(), status, detail, RequestIds.instance(requestId(ctx)), null);
        ctx.response().setStatusCode(status)
                .putHeader("Content-Type", ProblemMapper.PROBLEM_JSON)
                .putHeader("Cache-Control", "no-store");
        securityHeaders.apply(ctx.response().headers()); // the security headers step has not run, or not for this request
        ctx.response().end(Buffer.buffer(problems.bytes(problem)));
    }
}
