package news.dispatch.access;

import io.netty.util.AsciiString;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import news.dispatch.web.problem.ProblemException;
import news.dispatch.web.problem.ProblemMapper;
import news.dispatch.web.problem.ProblemType;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * The rate limit of every API operation, and the problems of refused ones (decision 165). Quarkus Security
 * establishes who calls ({@link ApiKeyAuthentication}, {@link ApiKeyIdentityProvider}) and checks the operation's
 * {@code @RolesAllowed} (operations without one are reads: {@link Roles#READER}); this counts each request once
 * against its key (or, without one, the client address) and hands the {@link Caller} to {@link CurrentCaller}:
 * <ul>
 *   <li>an admitted request in the filter below, after the security check;</li>
 *   <li>a refused one in the exception mappers of the security check's failures, so that a refused request is counted
 *   too and a used-up limit answers 429 before 401 or 403, as it did when access was one filter of ours.</li>
 * </ul>
 * A missing key where one is needed is a 401 with WWW-Authenticate; a key that cannot be used (malformed, unknown,
 * revoked) a 401 with {@code error="invalid_token"}, even on public reads; a valid key without the role a 403.
 */
public class AccessFilter {

    static final String OUTCOME = AccessFilter.class.getName() + ".outcome";
    private static final CharSequence RATE_LIMIT = AsciiString.cached("RateLimit-Limit");
    private static final CharSequence RATE_REMAINING = AsciiString.cached("RateLimit-Remaining");
    private static final CharSequence RATE_RESET = AsciiString.cached("RateLimit-Reset");
    private static final Uni<Void> GO_ON = Uni.createFrom().voidItem();
    private static final Map<Method, Role> REQUIRED = new ConcurrentHashMap<>();

    private final CurrentCaller current;
    private final AccessConfig config;
    private final RateLimiter limiter;
    private final RateLimitMetrics metrics;
    private final ClientAddress clients;
    private final CurrentIdentityAssociation identities;
    private final ProblemMapper problems;

    public AccessFilter(CurrentCaller current, AccessConfig config, RateLimiter limiter, RateLimitMetrics metrics,
                        ClientAddress clients, CurrentIdentityAssociation identities, ProblemMapper problems) {
        this.current = current;
        this.config = config;
        this.limiter = limiter;
        this.metrics = metrics;
        this.clients = clients;
        this.identities = identities;
        this.problems = problems;
    }

    /**
     * Counts an admitted request. The security check has established the identity already (every operation has one,
     * {@code quarkus.security.jaxrs.default-roles-allowed}); otherwise it is asked for here.
     */
    @ServerRequestFilter(priority = Priorities.AUTHENTICATION)
    public Uni<Void> limit(ContainerRequestContext request, ResourceInfo resource, RoutingContext context) {
        if (resource.getResourceMethod() == null) {
            return GO_ON;
        }
        if (context.user() instanceof QuarkusHttpUser user) {
            admit(user.getSecurityIdentity(), request, context.request());
            return GO_ON;
        }
        return identities.getDeferredIdentity().invoke(identity -> admit(identity, request, context.request())).replaceWithVoid();
    }

    private void admit(SecurityIdentity identity, ContainerRequestContext request, HttpServerRequest http) {
        current.set(identity);
        Caller caller = ApiKeyIdentityProvider.caller(identity);
        RateLimiter.Outcome outcome = limiter.take(bucket(caller, http), limit(caller, identity));
        request.setProperty(OUTCOME, outcome);
        if (!outcome.allowed()) {
            throw tooMany(caller, outcome);
        }
    }

    /** An operation that needs a key, called without one. */
    @ServerExceptionMapper
    public Uni<Response> unauthorized(UnauthorizedException e, ContainerRequestContext request, HttpServerRequest http) {
        return refuse(null, request, http, outcome -> withRateHeaders(new ProblemException(ProblemType.UNAUTHORIZED,
                "This operation needs an API key (Authorization: Bearer <key>)."), outcome)
                .withHeader(HttpHeaders.WWW_AUTHENTICATE, ApiKeyAuthentication.CHALLENGE));
    }

    /** A key that cannot be used; any other failure of authentication (the database is down) is the last resort's. */
    @ServerExceptionMapper
    public Uni<Response> invalidKey(AuthenticationFailedException e, ContainerRequestContext request, HttpServerRequest http) {
        InvalidApiKey invalid = InvalidApiKey.in(e);
        if (invalid == null) {
            return Uni.createFrom().item(problems.lastResort(e.getCause() != null ? e.getCause() : e, http));
        }
        return refuse(null, request, http, outcome -> withRateHeaders(new ProblemException(ProblemType.UNAUTHORIZED,
                invalid.getMessage()), outcome)
                .withHeader(HttpHeaders.WWW_AUTHENTICATE, ApiKeyAuthentication.CHALLENGE + ", error=\"invalid_token\""));
    }

    /** A key without the operation's role. */
    @ServerExceptionMapper
    public Uni<Response> forbidden(ForbiddenException e, ContainerRequestContext request, ResourceInfo resource,
                                   RoutingContext context) {
        SecurityIdentity identity = context.user() instanceof QuarkusHttpUser user ? user.getSecurityIdentity() : null;
        current.set(identity);
        Role role = ApiKeyIdentityProvider.caller(identity).role();
        Role needed = resource.getResourceMethod() == null ? null
                : REQUIRED.computeIfAbsent(resource.getResourceMethod(), m -> required(m, resource.getResourceClass()));
        return refuse(identity, request, context.request(), outcome -> withRateHeaders(new ProblemException(ProblemType.FORBIDDEN,
                "This operation needs a key with the " + (needed == null ? "right" : needed.value())
                        + " role; this key has the " + role.value() + " role."), outcome));
    }

    /** Counts a refused request without blocking the event loop: its problem, or 429 when the limit is used up. */
    private Uni<Response> refuse(SecurityIdentity identity, ContainerRequestContext request, HttpServerRequest http,
                                 Function<RateLimiter.Outcome, ProblemException> problem) {
        Caller caller = ApiKeyIdentityProvider.caller(identity);
        return limiter.takeAsync(bucket(caller, http), limit(caller, identity)).map(outcome -> {
            request.setProperty(OUTCOME, outcome);
            return problems.ours(outcome.allowed() ? problem.apply(outcome) : tooMany(caller, outcome), http);
        });
    }

    private String bucket(Caller caller, HttpServerRequest http) {
        return caller.keyId() != null ? "key:" + caller.keyId() : clients.bucket(http);
    }

    private int limit(Caller caller, SecurityIdentity identity) {
        Integer own = ApiKeyIdentityProvider.rateLimit(identity);
        return own != null ? own : defaultLimit(caller.role());
    }

    private ProblemException tooMany(Caller caller, RateLimiter.Outcome outcome) {
        metrics.rateLimitRejected(caller.role());
        return withRateHeaders(new ProblemException(ProblemType.RATE_LIMITED,
                "The rate limit of " + outcome.limit() + " requests per window is used up; retry in "
                        + outcome.resetSeconds() + " s."), outcome)
                .withHeader("Retry-After", Long.toString(outcome.resetSeconds()));
    }

    /** The least role of the operation's {@code @RolesAllowed} (the method's, else its class's; none: reading). */
    private Role required(Method method, Class<?> resource) {
        RolesAllowed allowed = method.getAnnotation(RolesAllowed.class);
        if (allowed == null && resource != null) {
            allowed = resource.getAnnotation(RolesAllowed.class);
        }
        if (allowed == null) {
            allowed = method.getDeclaringClass().getAnnotation(RolesAllowed.class);
        }
        return Role.least(allowed == null ? new String[]{Roles.READER} : allowed.value(), config.publicRead());
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
}
