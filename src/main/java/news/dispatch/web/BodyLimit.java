package news.dispatch.web;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Singleton;
import news.dispatch.web.problem.Problem;
import news.dispatch.web.problem.ProblemMapper;
import news.dispatch.web.problem.ProblemType;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A body announced larger than {@code quarkus.http.limits.max-body-size} is refused with 413
 * problem+json before it is read (Quarkus' own refusal has an empty body). The connection is closed,
 * since the rest of the body is not read.
 */
@Singleton
public class BodyLimit implements FrontDoor.Step {

    private final long limit;
    private final ProblemMapper problems;

    public BodyLimit(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize limit, ProblemMapper problems) {
        this.limit = limit.asLongValue();
        this.problems = problems;
    }

    @Override
    public int order() {
        return 50;
    }

    @Override
    public boolean handle(RoutingContext ctx) {
        String length = ctx.request().getHeader("Content-Length");
        if (length == null || !tooLong(length)) {
            return false;
        }
        ProblemType type = ProblemType.PAYLOAD_TOO_LARGE;
        Problem problem = new Problem(type.uri(), type.title(), type.status(),
                "The request body is larger than the limit of " + limit + " bytes.",
                RequestIds.instance(RequestIds.of(ctx.request())), null);
        RequestChecks.closeConnection(ctx);
        ctx.response().setStatusCode(type.status())
                .putHeader("Content-Type", ProblemMapper.PROBLEM_JSON)
                .putHeader("Cache-Control", "no-store")
                .end(io.vertx.core.buffer.Buffer.buffer(problems.bytes(problem)));
        return true;
    }

    private boolean tooLong(String length) {
        try {
            return Long.parseLong(length.trim()) > limit;
        } catch (NumberFormatException e) {
            return false; // the HTTP codec rejects a malformed Content-Length itself
        }
    }
}
