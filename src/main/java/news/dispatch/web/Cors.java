package news.dispatch.web;

import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Singleton;
import news.dispatch.web.problem.Problem;
import news.dispatch.web.problem.ProblemMapper;
import news.dispatch.web.problem.ProblemType;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * CORS for partner sites and web apps (docs/decisions/072). A request from an origin that is not
 * allowed is served as usual, only without CORS headers (the browser then withholds the response);
 * a preflight from it gets 403 problem+json. Credentials are never allowed. With a list of origins,
 * every response varies on Origin so the CDN keeps one copy per origin.
 */
@Singleton
public class Cors implements FrontDoor.Step {

    static final String METHODS = "GET, HEAD, POST, PUT, PATCH, DELETE";
    static final String ALLOWED_HEADERS = "Authorization, Content-Type, Accept, Accept-Language, If-Match, If-None-Match, "
            + "If-Modified-Since, X-Request-Id";
    static final String EXPOSED_HEADERS = "ETag, Last-Modified, Link, Location, Retry-After, RateLimit-Limit, "
            + "RateLimit-Remaining, RateLimit-Reset, X-Request-Id";
    private static final Set<String> METHOD_SET = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE");

    private final boolean any;
    private final Set<String> origins;
    private final String maxAge;
    private final ProblemMapper problems;

    public Cors(CorsConfig config, ProblemMapper problems) {
        List<String> configured = config.origins().stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
        this.any = configured.contains("*");
        this.origins = Set.copyOf(configured.stream().map(o -> o.toLowerCase(Locale.ROOT)).toList());
        this.maxAge = String.valueOf(config.maxAge().toSeconds());
        this.problems = problems;
    }

    @Override
    public int order() {
        return 40;
    }

    @Override
    public boolean handle(RoutingContext ctx) {
        var request = ctx.request();
        var response = ctx.response();
        if (!any) {
            ctx.addHeadersEndHandler(v -> {
                String vary = response.headers().get("Vary");
                if (vary == null || vary.isBlank()) {
                    response.headers().set("Vary", "Origin");
                } else if (!vary.toLowerCase(Locale.ROOT).contains("origin")) {
                    response.headers().set("Vary", vary + ", Origin");
                }
            });
        }
        String origin = request.getHeader("Origin");
        if (origin == null) {
            return false;
        }
        boolean allowed = any || origins.contains(origin.toLowerCase(Locale.ROOT));
        boolean preflight = request.method() == HttpMethod.OPTIONS && request.getHeader("Access-Control-Request-Method") != null;
        if (!preflight) {
            if (allowed) {
                response.putHeader("Access-Control-Allow-Origin", any ? "*" : origin);
                response.putHeader("Access-Control-Expose-Headers", EXPOSED_HEADERS);
            }
            return false;
        }
        String method = request.getHeader("Access-Control-Request-Method").trim().toUpperCase(Locale.ROOT);
        if (!allowed || !METHOD_SET.contains(method)) {
            ProblemType type = ProblemType.FORBIDDEN;
            String detail = allowed ? "Cross-origin " + method + " requests are not allowed."
                    : "The origin " + origin + " may not call this API from a browser.";
            Problem problem = new Problem(type.uri(), type.title(), type.status(), detail,
                    RequestIds.instance(RequestIds.of(request)), null);
            response.setStatusCode(type.status())
                    .putHeader("Content-Type", ProblemMapper.PROBLEM_JSON)
                    .putHeader("Cache-Control", "no-store")
                    .end(io.vertx.core.buffer.Buffer.buffer(problems.bytes(problem)));
            return true;
        }
        response.setStatusCode(204)
                .putHeader("Access-Control-Allow-Origin", any ? "*" : origin)
                .putHeader("Access-Control-Allow-Methods", METHODS)
                .putHeader("Access-Control-Allow-Headers", ALLOWED_HEADERS)
                .putHeader("Access-Control-Max-Age", maxAge)
                .putHeader("Cache-Control", "public, max-age=" + maxAge)
                .putHeader("Vary", "Origin, Access-Control-Request-Method, Access-Control-Request-Headers")
                .end();
        return true;
    }
}
