package news.dispatch.ops;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.http.Outcome;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Singleton;
import news.dispatch.web.FrontDoor;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;

/**
 * The HTTP server metrics: {@code http.server.requests} (a timer per method, route template, status
 * and outcome, with the latency buckets of {@link OpsMetrics}) and {@code http.server.active.requests},
 * under the names and tags of Micrometer's HTTP conventions, which Quarkus' own HTTP binder also uses.
 * <p>
 * Recorded here rather than by that binder (docs/decisions/078-front-door.md): for every request it
 * matched the raw path against the configured patterns, built and sorted a new set of tags and looked
 * the timer up through the registry, about 7 % of the CPU of an answer from the application cache.
 * Here the timer of a (method, route, status) is looked up in one map, and the route is the template
 * the request already carries ({@link UnmatchedRoutes}), so a raw URL never becomes a series.
 * <p>
 * Paths under {@code /q/} (health, metrics, OpenAPI) are not measured, as the binder left them out.
 * A request that ends without an answer (the client closed the connection) is recorded with status
 * {@code RESET} and outcome {@code CLIENT_ERROR}. Requests refused before any route runs (a request
 * target that is not a URI, a request line or headers too long) are not recorded: they never reach
 * the application.
 */
@Singleton
public class RequestMetrics implements FrontDoor.Step, FrontDoor.Ending {

    static final String REQUESTS = "http.server.requests";
    static final String ACTIVE = "http.server.active.requests";
    static final String RESET = "RESET";

    private final MeterRegistry registry;
    private final LongAdder active = new LongAdder();
    private final ConcurrentHashMap<Key, Timer> timers = new ConcurrentHashMap<>();

    public RequestMetrics(MeterRegistry registry) {
        this.registry = registry;
        Gauge.builder(ACTIVE, active, LongAdder::doubleValue)
                .description("Requests being served")
                .register(registry);
    }

    @Override
    public int order() {
        return 5; // after the route template is set (UnmatchedRoutes, 0)
    }

    @Override
    public boolean handle(RoutingContext ctx) {
        if (!UnmatchedRoutes.path(ctx).startsWith("/q/")) {
            active.increment();
        }
        return false;
    }

    @Override
    public void ended(RoutingContext ctx, long elapsedNanos, boolean answered) {
        if (UnmatchedRoutes.path(ctx).startsWith("/q/")) {
            return;
        }
        active.decrement();
        String route = UnmatchedRoutes.template(ctx);
        int status = answered ? ctx.response().getStatusCode() : -1;
        timer(method(ctx.request().method().name()), route == null ? UnmatchedRoutes.UNMATCHED : route, status)
                .record(elapsedNanos, TimeUnit.NANOSECONDS);
    }

    /** A standard method's name, else {@code OTHER}: a client may send any token, which must not make series. */
    static String method(String name) {
        return switch (name) {
            case "GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS", "TRACE", "CONNECT" -> name;
            default -> "OTHER";
        };
    }

    /** The timer of these tags ({@code status} -1: reset), registered on first use. */
    Timer timer(String method, String route, int status) {
        Key key = new Key(method, route, status);
        Timer timer = timers.get(key);
        if (timer == null) {
            timer = timers.computeIfAbsent(key, k -> Timer.builder(REQUESTS)
                    .description("HTTP server request processing time")
                    .tag("method", k.method)
                    .tag("uri", k.route)
                    .tag("status", k.status < 0 ? RESET : String.valueOf(k.status))
                    .tag("outcome", (k.status < 0 ? Outcome.CLIENT_ERROR : Outcome.forStatus(k.status)).name())
                    .register(registry));
        }
        return timer;
    }

    /**
     * The tags of one timer; routes are a few dozen templates, methods and statuses a handful. A class, not a record:
     * a record's equals and hashCode go through method handles, which showed in the profile of cached answers for
     * the cache's own key (docs/benchmarks.md, finding 7); this one is looked up on every request.
     */
    private static final class Key {
        private final String method;
        private final String route;
        private final int status;
        private final int hash;

        Key(String method, String route, int status) {
            this.method = method;
            this.route = route;
            this.status = status;
            this.hash = (method.hashCode() * 31 + route.hashCode()) * 31 + status;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.status == status && k.route.equals(route) && k.method.equals(method);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }
}
