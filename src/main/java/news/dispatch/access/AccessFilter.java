package news.dispatch.access;

import io.netty.util.AsciiString;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import news.dispatch.web.StrictQueryParams;
import news.dispatch.web.problem.ProblemException;
import news.dispatch.web.problem.ProblemType;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

/**
 * Authentication, rate limiting and authorisation for every API operation, in that order: the
 * bearer key becomes the request's {@link Caller}; the request is counted against the key (or,
 * without one, the client address); then the operation's {@link Allowed} role is checked.
 * A missing or unusable key where one is needed is a 401 with WWW-Authenticate; a valid key
 * without the role is a 403.
 */
public class AccessFilter {

    static final String OUTCOME = AccessFilter.class.getName() + ".outcome";
    private static final String CHALLENGE = "Bearer realm=\"dispatch\"";
    private static final CharSequence RATE_LIMIT = AsciiString.cached("RateLimit-Limit");
    private static final CharSequence RATE_REMAINING = AsciiString.cached("RateLimit-Remaining");
    private static final CharSequence RATE_RESET = AsciiString.cached("RateLimit-Reset");
    private static final Map<Method, Role> REQUIRED = new ConcurrentHashMap<>();
    private static final Map<Method, Boolean> TAKES_QUERY_KEY = new ConcurrentHashMap<>();

    private final CurrentCaller current;
    private final ApiKeyService keys;
    private final AccessConfig config;
    private final RateLimiter limiter;
    private final RateLimitMetrics metrics;
    private final ClientAddress clients;

    public AccessFilter(CurrentCaller current, ApiKeyService keys, AccessConfig config, RateLimiter limiter, RateLimitMetrics metrics,
                        ClientAddress clients) {
        this.clients = clients;
        this.current = current;
        this.keys = keys;
        this.config = config;
        this.limiter = limiter;
        this.metrics = metrics;
    }

    @ServerRequestFilter(priority = Priorities.AUTHENTICATION)
    public void check(ContainerRequestContext request, ResourceInfo resource, HttpServerRequest http) {
        Method method = resource.getResourceMethod();
        if (method == null) {
            return;
        }
        Optional<ApiKeyService.Authenticated> authenticated = Optional.empty();
        String error = null;
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        // Feed readers cannot set headers: feeds declare an apiKey query parameter (API.md, "Keys and roles").
        String queryKey = header == null && TAKES_QUERY_KEY.computeIfAbsent(method, AccessFilter::takesQueryKey)
                ? queryKey(request) : null;
        if (header != null || queryKey != null) {
            String token = queryKey != null ? queryKey.trim()
                    : header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).trim() : "";
            if (token.isEmpty() || token.length() > 200) {
                error = queryKey != null ? "The apiKey parameter must be an API key."
                        : "The Authorization header must be 'Bearer <key>'.";
            } else {
                authenticated = keys.authenticate(token);
                if (authenticated.isEmpty()) {
                    error = "The API key is unknown or has been revoked.";
                }
            }
        }
        Caller caller = authenticated.map(ApiKeyService.Authenticated::caller).orElse(Caller.ANONYMOUS);
        current.set(caller);

        String bucket = caller.keyId() != null ? "key:" + caller.keyId() : clients.bucket(http);
        int limit = authenticated.map(ApiKeyService.Authenticated::rateLimit).orElse(null) != null
                ? authenticated.get().rateLimit() : defaultLimit(caller.role());
        RateLimiter.Outcome outcome = limiter.take(bucket, limit);
        request.setProperty(OUTCOME, outcome);
        if (!outcome.allowed()) {
            metrics.rateLimitRejected(caller.role());
            throw withRateHeaders(new ProblemException(ProblemType.RATE_LIMITED,
                    "The rate limit of " + outcome.limit() + " requests per window is used up; retry in "
                            + outcome.resetSeconds() + " s."), outcome)
                    .withHeader("Retry-After", Long.toString(outcome.resetSeconds()));
        }
        if (error != null) {
            throw withRateHeaders(new ProblemException(ProblemType.UNAUTHORIZED, error), outcome)
                    .withHeader(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE + ", error=\"invalid_token\"");
        }

        Role needed = REQUIRED.computeIfAbsent(method, AccessFilter::declared);
        if (needed == null) {
            needed = config.publicRead() ? Role.ANONYMOUS : Role.PARTNER;
        }
        if (!caller.role().atLeast(needed)) {
            if (caller.role() == Role.ANONYMOUS) {
                throw withRateHeaders(new ProblemException(ProblemType.UNAUTHORIZED,
                        "This operation needs an API key (Authorization: Bearer <key>)."), outcome)
                        .withHeader(HttpHeaders.WWW_AUTHENTICATE, CHALLENGE);
            }
            throw withRateHeaders(new ProblemException(ProblemType.FORBIDDEN,
                    "This operation needs a key with the " + needed.value() + " role; this key has the "
                            + caller.role().value() + " role."), outcome);
        }
    }

    /** Only operations that declare an {@code apiKey} query parameter (the feeds) take a key that way. */
    private static boolean takesQueryKey(Method method) {
        return StrictQueryParams.declared(method).contains("apiKey");
    }

    /** The key given as {@code ?apiKey=}, or null. */
    private static String queryKey(ContainerRequestContext request) {
        return request.getUriInfo().getQueryParameters().getFirst("apiKey");
    }

    /**
     * Rate-limit headers on every answer. That keyed answers are private and vary by Authorization is
     * {@code Representations.privateWhenKeyed}'s rule.
     */
    @ServerResponseFilter
    public void decorate(ContainerRequestContext request, ContainerResponseContext response) {
        if (request.getProperty(OUTCOME) instanceof RateLimiter.Outcome outcome) {
            var headers = response.getHeaders();
            rateHeaders(outcome, (name, value) -> headers.putSingle(name.toString(), value));
        }
    }

    /**
     * The RateLimit-* headers of an outcome, also for answers given before the REST layer (cache/CachedAnswers).
     * The names are {@link AsciiString}s: Vert.x' header map hashes them once, not on every answer.
     */
    public static void rateHeaders(RateLimiter.Outcome outcome, BiConsumer<CharSequence, String> header) {
        header.accept(RATE_LIMIT, Integer.toString(outcome.limit()));
        header.accept(RATE_REMAINING, Integer.toString(outcome.remaining()));
        header.accept(RATE_RESET, Long.toString(outcome.resetSeconds()));
    }

    private int defaultLimit(Role role) {
        AccessConfig.RateLimits limits = config.rateLimit();
        return switch (role) {
            case ANONYMOUS -> limits.anonymous();
            case PARTNER -> limits.partner();
            case EDITOR -> limits.editor();
            case ADMIN -> limits.admin();
        };
    }

    private static ProblemException withRateHeaders(ProblemException e, RateLimiter.Outcome outcome) {
        rateHeaders(outcome, (name, value) -> e.withHeader(name.toString(), value));
        return e;
    }

    private static Role declared(Method method) {
        Allowed allowed = method.getAnnotation(Allowed.class);
        if (allowed == null) {
            allowed = method.getDeclaringClass().getAnnotation(Allowed.class);
        }
        return allowed == null ? null : allowed.value();
    }
}
