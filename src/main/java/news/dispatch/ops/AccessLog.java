package news.dispatch.ops;

import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Singleton;
import jakarta.annotation.PreDestroy;
import news.dispatch.web.FrontDoor;
import news.dispatch.web.RequestIds;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One line per request on category {@code dispatch.access}: method, route template, path (never the
 * query string, which may hold an apiKey), status, duration and request id, as MDC fields so the JSON
 * log has them as keys. Headers, bodies and client addresses are never logged. The front door puts the
 * request id in the MDC for a request that goes on to an operation, so every other line logged for it
 * carries it.
 * Health probes and metric scrapes are left out.
 * <p>
 * In production the lines bypass the logging system ({@code dispatch.ops.access-log.format=json-lines},
 * {@link AccessLogWriter}): the same JSON shape, written in batches by one thread.
 */
@Singleton
public class AccessLog implements FrontDoor.Ending {

    static final String CATEGORY = "dispatch.access";
    private static final Logger LOG = Logger.getLogger(CATEGORY);

    private final boolean enabled;
    private final AccessLogWriter writer;

    public AccessLog(OpsConfig config) {
        this.enabled = config.accessLog().enabled();
        this.writer = enabled && config.accessLog().format() == OpsConfig.AccessLog.Format.JSON_LINES
                ? new AccessLogWriter(new FileOutputStream(FileDescriptor.out), config.accessLog().queue(),
                config.accessLog().flushInterval(), trailer())
                : null;
    }

    /** Writes the queued lines at shutdown. */
    @PreDestroy
    void close() {
        if (writer != null) {
            writer.close();
        }
    }

    /**
     * The fields after {@code mdc} in a JSON line of the logging system: host and process, then the
     * additional fields of the JSON console format ({@code "service":"dispatch"}).
     */
    static Map<String, Object> trailer() {
        Map<String, Object> fields = new LinkedHashMap<>();
        String host;
        try {
            host = InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException | RuntimeException e) {
            host = "localhost";
        }
        fields.put("hostName", host);
        fields.put("processName", ProcessHandle.current().info().command().orElse("java"));
        fields.put("processId", ProcessHandle.current().pid());
        Config config = ConfigProvider.getConfig();
        String prefix = "quarkus.log.console.json.additional-field.";
        for (String name : config.getPropertyNames()) {
            if (name.startsWith(prefix) && name.endsWith(".value")) {
                String field = name.substring(prefix.length(), name.length() - ".value".length());
                config.getOptionalValue(name, String.class).ifPresent(value -> fields.put(unquoted(field), value));
            }
        }
        return fields;
    }

    private static String unquoted(String name) {
        return name.length() > 1 && name.startsWith("\"") && name.endsWith("\"") ? name.substring(1, name.length() - 1) : name;
    }

    /** {@code answered} is false when the connection closed before the response was sent (status "-"). */
    @Override
    public void ended(RoutingContext ctx, long elapsedNanos, boolean answered) {
        if (!enabled || !LOG.isInfoEnabled()) {
            return;
        }
        String path = UnmatchedRoutes.path(ctx);
        if (path.startsWith("/q/health") || path.startsWith("/q/metrics")) {
            return;
        }
        String requestId = RequestIds.of(ctx.request());
        String method = ctx.request().method().name();
        String route = UnmatchedRoutes.template(ctx);
        String status = answered ? String.valueOf(ctx.response().getStatusCode()) : "-";
        String duration = milliseconds(elapsedNanos);
        String message = method + ' ' + (route == null ? path : route) + ' ' + status + ' ' + duration + " ms";
        if (writer != null) {
            Thread current = Thread.currentThread();
            writer.write(new AccessLogWriter.Line(Instant.now(), current.getName(), current.getId(), message,
                    requestId, method, route == null ? "-" : route, path, status, duration));
            return;
        }
        MDC.put("requestId", requestId);
        MDC.put("method", method);
        MDC.put("route", route == null ? "-" : route);
        MDC.put("path", path);
        MDC.put("status", status);
        MDC.put("durationMs", duration);
        try {
            LOG.info(message);
        } finally {
            MDC.remove("method");
            MDC.remove("route");
            MDC.remove("path");
            MDC.remove("status");
            MDC.remove("durationMs");
        }
    }

    /**
     * Nanoseconds as milliseconds with one decimal, rounded half up ("0.4", "12.0"): what
     * {@code String.format("%.1f")} gives, without its parsing and formatting on every request.
     */
    static String milliseconds(long nanos) {
        long tenths = (Math.max(0, nanos) + 50_000) / 100_000;
        return (tenths / 10) + "." + (tenths % 10);
    }
}
