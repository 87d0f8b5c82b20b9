package news.dispatch.access;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import news.dispatch.web.FrontDoor;
import news.dispatch.web.RequestIds;
import news.dispatch.web.problem.Problem;
import news.dispatch.web.problem.ProblemMapper;
import news.dispatch.web.problem.ProblemType;

/**
 * The anonymous rate limit for what the service serves outside the API on its public port: the OpenAPI
 * document ({@code /q/openapi}, some 200 KB) and Swagger UI. They count against the client address's bucket
 * like an anonymous API request, whatever key is sent. Health and metrics are not here: they are served on the
 * management interface, on its own port (docs/decisions/122-management-interface.md). With counters shared in Redis
 * the event loop does not wait for them: the request goes on, or is refused, when Redis' count arrives
 * (docs/decisions/089).
 */
@Singleton
public class OperationalRateLimit implements FrontDoor.Step {

    private final RateLimiter limiter;
    private final ClientAddress clients;
    private final AccessConfig config;
    private final RateLimitMetrics metrics;
    private final ProblemMapper problems;
    private final Provider<FrontDoor> door;

    public OperationalRateLimit(RateLimiter limiter, ClientAddress clients, AccessConfig config, RateLimitMetrics metrics,
                                ProblemMapper problems, Provider<FrontDoor> door) {
        this.limiter = limiter;
        this.clients = clients;
        this.config = config;
        this.metrics = metrics;
        this.problems = problems;
        this.door = door;
    }

    @Override
    public int order() {
        return 60;
    }

    @Override
    public boolean handle(RoutingContext ctx) {
        String path = ctx.request().path();
        if (!path.startsWith("/q/")) {
            return false;
        }
        String bucket = clients.bucket(ctx.request());
        int limit = config.rateLimit().anonymous();
        if (limiter.shared()) {
            limiter.takeAsync(bucket, limit).subscribe().with(outcome -> {
                if (!ctx.response().closed() && !refused(ctx, outcome)) {
                    door.get().resume(ctx, this);
                }
            });
            return true;
        }
        return refused(ctx, limiter.take(bucket, limit));
    }

    /** Sets the RateLimit-* headers; refuses the request with 429 (true) when its limit is used up. */
    private boolean refused(RoutingContext ctx, RateLimiter.Outcome outcome) {
        var response = ctx.response();
        AccessFilter.rateHeaders(outcome, response.headers()::set);
        if (outcome.allowed()) {
            return false;
        }
        metrics.rateLimitRejected(Role.ANONYMOUS);
        ProblemType type = ProblemType.RATE_LIMITED;
        Problem problem = new Problem(type.uri(), type.title(), type.status(),
                "The rate limit of " + outcome.limit() + " requests per window is used up; retry in "
                        + outcome.resetSeconds() + " s.", RequestIds.instance(RequestIds.of(ctx.request())), null);
        response.setStatusCode(type.status())
                .putHeader("Content-Type", ProblemMapper.PROBLEM_JSON)
                .putHeader("Cache-Control", "no-store")
                .putHeader("Retry-After", Long.toString(outcome.resetSeconds()))
                .end(Buffer.buffer(problems.bytes(problem)));
        return true;
    }
}
