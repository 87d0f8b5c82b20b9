package news.dispatch.web;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import news.dispatch.web.problem.Problem;
import news.dispatch.web.problem.ProblemMapper;
import news.dispatch.web.problem.ProblemType;

/** Paths no resource serves still answer 404 as problem+json, not an HTML page. */
@ApplicationScoped
public class NotFoundFallback {

    private final ProblemMapper problems;

    public NotFoundFallback(ProblemMapper problems) {
        this.problems = problems;
    }

    void install(@Observes Router router) {
        router.route().last().handler(ctx -> {
            ProblemType type = ProblemType.NOT_FOUND;
            Problem problem = new Problem(type.uri(), type.title(), type.status(),
                    "No resource at " + ctx.request().path() + ".",
                    RequestIds.instance(RequestIds.of(ctx.request())), null);
            ctx.response().setStatusCode(404)
                    .putHeader("Content-Type", ProblemMapper.PROBLEM_JSON)
                    .putHeader("Cache-Control", "no-store")
                    .end(io.vertx.core.buffer.Buffer.buffer(problems.bytes(problem)));
        });
    }
}
