package news.dispatch.ops;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import news.dispatch.web.RequestIds;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import java.util.Locale;

/**
 * One line per request on category {@code dispatch.access}: method, route template, path (never the
 * query string, which may hold an apiKey), status, duration and request id, as MDC fields so the JSON
 * log has them as keys. Headers, bodies and client addresses are never logged. The request id also
 * stays in the MDC for the whole request, so every other line logged for it carries it.
 * Health probes and metric scrapes are left out.
 */
@ApplicationScoped
public class AccessLog {

    static final String CATEGORY = "dispatch.access";
    private static final Logger LOG = Logger.getLogger(CATEGORY);

    private final boolean enabled;

    public AccessLog(OpsConfig config) {
        this.enabled = config.accessLog().enabled();
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 11).handler(this::handle);
    }

    private void handle(RoutingContext ctx) {
        String requestId = RequestIds.of(ctx.request());
        MDC.put("requestId", requestId);
        String path = ctx.normalizedPath();
        if (enabled && !path.startsWith("/q/health") && !path.startsWith("/q/metrics")) {
            long start = System.nanoTime();
            String method = ctx.request().method().name();
            ctx.addEndHandler(done -> log(ctx, requestId, method, path, start, done.succeeded()));
        }
        ctx.next();
    }

    /** {@code answered} is false when the connection closed before the response was sent (status "-"). */
    private void log(RoutingContext ctx, String requestId, String method, String path, long start, boolean answered) {
        if (!LOG.isInfoEnabled()) {
            return;
        }
        String route = UnmatchedRoutes.template(ctx);
        String status = answered ? String.valueOf(ctx.response().getStatusCode()) : "-";
        String duration = String.format(Locale.ROOT, "%.1f", (System.nanoTime() - start) / 1_000_000.0);
        MDC.put("requestId", requestId);
        MDC.put("method", method);
        MDC.put("route", route == null ? "-" : route);
        MDC.put("path", path);
        MDC.put("status", status);
        MDC.put("durationMs", duration);
        try {
            LOG.infof("%s %s %s %s ms", method, route == null ? path : route, status, duration);
        } finally {
            MDC.remove("method");
            MDC.remove("route");
            MDC.remove("path");
            MDC.remove("status");
            MDC.remove("durationMs");
        }
    }
}
