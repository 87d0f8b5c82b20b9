package news.dispatch.web;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Singleton;
import news.dispatch.web.problem.Problem;
import news.dispatch.web.problem.ProblemMapper;
import news.dispatch.web.problem.ProblemType;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.List;

/**
 * A body announced larger than its limit is refused with 413 problem+json before it is read (Quarkus' own refusal
 * has an empty body). The connection is closed, since the rest of the body is not read. The limit is
 * {@code dispatch.http.max-body-size}, or {@code dispatch.http.max-upload-size} for a POST to one of
 * {@code dispatch.http.upload-paths} (image uploads, decision 170); {@code quarkus.http.limits.max-body-size}, what
 * the HTTP layer itself reads at most, is the larger of the two.
 */
@Singleton
public class BodyLimit implements FrontDoor.Step {

    private final long limit;
    private final long uploadLimit;
    private final List<String> uploadPaths;
    private final ProblemMapper problems;

    public BodyLimit(@ConfigProperty(name = "dispatch.http.max-body-size") MemorySize limit,
                     @ConfigProperty(name = "dispatch.http.max-upload-size") MemorySize uploadLimit,
                     @ConfigProperty(name = "dispatch.http.upload-paths") List<String> uploadPaths, ProblemMapper problems) {
        this.limit = limit.asLongValue();
        this.uploadLimit = uploadLimit.asLongValue();
        this.uploadPaths = List.copyOf(uploadPaths);
        this.problems = problems;
    }

    /**
     * Whether the request is an upload, whose body may be as large as {@code dispatch.http.max-upload-size}: a POST
     * to an upload path of an {@code image/*} or {@code multipart/form-data} body.
     */
    static boolean upload(RoutingContext ctx, List<String> uploadPaths) {
        if (ctx.request().method() != HttpMethod.POST) {
            return false;
        }
        String path = ctx.request().path();
        String type = ctx.request().getHeader("Content-Type");
        return path != null && uploadPaths.contains(path) && type != null
                && (type.regionMatches(true, 0, "image/", 0, 6) || type.regionMatches(true, 0, "multipart/form-data", 0, 19));
    }

    @Override
    public int order() {
        return 50;
    }

    @Override
    public boolean handle(RoutingContext ctx) {
        String length = ctx.request().getHeader("Content-Length");
        long max = upload(ctx, uploadPaths) ? uploadLimit : limit;
        if (length == null || !tooLong(length, max)) {
            return false;
        }
        ProblemType type = ProblemType.PAYLOAD_TOO_LARGE;
        Problem problem = new Problem(type.uri(), type.title(), type.status(),
                "The request body is larger than the limit of " + max + " bytes.",
                RequestIds.instance(RequestIds.of(ctx.request())), null);
        RequestChecks.closeConnection(ctx);
        ctx.response().setStatusCode(type.status())
                .putHeader("Content-Type", ProblemMapper.PROBLEM_JSON)
                .putHeader("Cache-Control", "no-store")
                .end(io.vertx.core.buffer.Buffer.buffer(problems.bytes(problem)));
        return true;
    }

    private static boolean tooLong(String length, long max) {
        try {
            return Long.parseLong(length.trim()) > max;
        } catch (NumberFormatException e) {
            return false; // the HTTP codec rejects a malformed Content-Length itself
        }
    }
}
