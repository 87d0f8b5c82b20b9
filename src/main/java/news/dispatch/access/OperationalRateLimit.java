package news.dispatch.access;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Singleton;
import news.dispatch.ops.OpsMetrics;
import news.dispatch.web.FrontDoor;
import news.dispatch.web.RequestIds;
import news.dispatch.web.problem.Problem;
import news.dispatch.web.problem.ProblemMapper;
import news.dispatch.web.problem.ProblemType;

/**
 * The anonymous rate limit for what the service serves outside the API on its public port: the OpenAPI
 * document ({@code /q/openapi}, some 200 KB) and Swagger UI. They count against the client address's bucket
 * like an anonymous API request, whatever key is sent. Health and metrics are not here: they are served on the
 * management interface, on its own port (docs/decisions/122-management-interface.md).
 */
@Singleton
public class OperationalRateLimit implements FrontDoor.Step {

    private final RateLimiter limiter;
    private final ClientAddress clients;
    private final AccessConfig config;
    private final OpsMetrics metrics;
    private final ProblemMapper problems;

    public OperationalRateLimit(RateLimiter limiter, ClientAddress clients, AccessConfig config, OpsMetrics metrics,
                                ProblemMapper problems) {
        this.limiter = limiter;
        this.clients = clients;
        this.config = config;
        this.metrics = metrics;
        this.problems = problems;
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
        RateLimiter.Outcome outcome = limiter.take(clients.bucket(ctx.request()), config.rateLimit().anonymous());
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
