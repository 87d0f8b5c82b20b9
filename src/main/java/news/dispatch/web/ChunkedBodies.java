package news.dispatch.web;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.MDC;

/**
 * A write whose body comes without {@code Content-Length} (chunked) is read here, up to
 * {@code quarkus.http.limits.max-body-size}, before the operation runs: beyond it Vert.x' body handler
 * fails the request with 413, which {@link RequestChecks} answers as problem+json. Left to the REST layer,
 * the body was read while the operation ran, which answered an empty 413 itself and failed the operation with
 * an ERROR stack trace (docs/decisions/121-low-level-errors.md). A body announced too large is refused earlier,
 * by {@link BodyLimit}; reads, bodies with a length and HTTP/2 streams go on untouched.
 */
@Singleton
public class ChunkedBodies implements FrontDoor.Step {

    private final BodyHandler bodies;

    public ChunkedBodies(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize limit) {
        this.bodies = BodyHandler.create(false).setBodyLimit(limit.asLongValue()).setHandleFileUploads(false);
    }

    /** Last: the body handler hands the request on to the next route itself, after the body has arrived. */
    @Override
    public int order() {
        return 1000;
    }

    @Override
    public boolean handle(RoutingContext ctx) {
        HttpMethod method = ctx.request().method();
        if (method == HttpMethod.GET || method == HttpMethod.HEAD || method == HttpMethod.OPTIONS
                || ctx.request().version() == HttpVersion.HTTP_2 || ctx.request().getHeader("Transfer-Encoding") == null
                || ctx.request().getHeader("Content-Length") != null || ctx.request().isEnded()) {
            return false; // HTTP/2: the REST layer cannot take a body read before it (it pauses the ended stream)
        }
        MDC.put("requestId", RequestIds.of(ctx.request())); // as the front door does for a request it hands on
        bodies.handle(ctx);
        return true;
    }
}
