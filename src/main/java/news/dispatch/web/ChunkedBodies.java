package news.dispatch.web;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.MDC;

import java.util.List;

/**
 * A write whose body comes without {@code Content-Length} (chunked) is read here, up to its limit
 * ({@code dispatch.http.max-body-size}, or {@code dispatch.http.max-upload-size} for uploads: {@link BodyLimit}),
 * before the operation runs: beyond it Vert.x' body handler
 * fails the request with 413, which {@link RequestChecks} answers as problem+json. Left to the REST layer,
 * the body was read while the operation ran, which answered an empty 413 itself and failed the operation with
 * an ERROR stack trace (docs/decisions/121-low-level-errors.md). A body announced too large is refused earlier,
 * by {@link BodyLimit}; reads, bodies with a length and HTTP/2 streams go on untouched. The files of a multipart
 * body are kept (in {@code quarkus.http.body.uploads-directory}, deleted when the request ends) for the operation
 * to read.
 */
@Singleton
public class ChunkedBodies implements FrontDoor.Step {

    private final BodyHandler bodies;
    private final BodyHandler uploads;
    private final List<String> uploadPaths;

    public ChunkedBodies(@ConfigProperty(name = "dispatch.http.max-body-size") MemorySize limit,
                         @ConfigProperty(name = "dispatch.http.max-upload-size") MemorySize uploadLimit,
                         @ConfigProperty(name = "dispatch.http.upload-paths") List<String> uploadPaths,
                         @ConfigProperty(name = "quarkus.http.body.uploads-directory", defaultValue = "${java.io.tmpdir}/uploads")
                         String uploadsDirectory) {
        this.bodies = handler(limit, uploadsDirectory);
        this.uploads = handler(uploadLimit, uploadsDirectory);
        this.uploadPaths = List.copyOf(uploadPaths);
    }

    private static BodyHandler handler(MemorySize limit, String uploadsDirectory) {
        return BodyHandler.create(false).setBodyLimit(limit.asLongValue()).setHandleFileUploads(true)
                .setUploadsDirectory(uploadsDirectory).setDeleteUploadedFilesOnEnd(true);
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
        (BodyLimit.upload(ctx, uploadPaths) ? uploads : bodies).handle(ctx);
        return true;
    }
}
