package news.dispatch.web;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Singleton;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import org.jboss.logging.MDC;

import java.util.Comparator;
import java.util.List;

/**
 * The one router handler that every request passes before the REST layer: it runs the application's
 * {@linkplain Step steps} (route template, request metrics, request id, security headers, CORS, body limit,
 * answers from the application cache) in their order, then hands the request on unless a step answered it.
 * One handler instead of one catch-all route per step: each route costs the router a match and a hand-over
 * on every request, which showed in the profile of cached answers
 * (docs/benchmarks.md, finding 7). For the same reason what is done when a request has ended
 * ({@link Ending}: metrics, access log) shares one end handler.
 * <p>
 * It runs after Quarkus's own first handlers (order {@code Integer.MIN_VALUE} and {@code + 1}) and before Quarkus'
 * CORS filter (order -300, off: {@code web/Cors} is a step, docs/decisions/097) and the body, compression and REST
 * handlers.
 */
@Singleton
public class FrontDoor {

    static final int ORDER = Integer.MIN_VALUE + 9;

    /** One thing done to every request on the event loop, before routing to an operation. */
    public interface Step {

        /** Steps run by increasing order. */
        int order();

        /**
         * Does the step's work; true when the step answered (or refused) the request itself, so that
         * no later step and no operation sees it. A step that must wait for something (the shared rate-limit
         * counters) also returns true, and later either answers or hands the request on with
         * {@link FrontDoor#resume}.
         */
        boolean handle(RoutingContext ctx);
    }

    /**
     * Something done for every request once it has ended (a bean, which may also be a {@link Step}). The front
     * door registers one end handler for all of them (each handler is an allocation and a call per request,
     * and each would read the clock).
     */
    public interface Ending {

        /**
         * Called once per request that reached the front door, when the response was sent ({@code answered})
         * or the connection closed before it was (not {@code answered}). Endings do not depend on each other
         * and are called in no set order.
         *
         * @param elapsedNanos time since the front door took the request
         */
        void ended(RoutingContext ctx, long elapsedNanos, boolean answered);
    }

    private final Step[] steps;
    private final Ending[] endings;

    public FrontDoor(Instance<Step> steps, Instance<Ending> endings) {
        List<Step> sorted = steps.stream().sorted(Comparator.comparingInt(Step::order)).toList();
        this.steps = sorted.toArray(Step[]::new);
        this.endings = endings.stream().toArray(Ending[]::new);
    }

    void install(@Observes Router router) {
        router.route().order(ORDER).handler(this::handle);
    }

    private void handle(RoutingContext ctx) {
        if (endings.length > 0) {
            long start = System.nanoTime();
            ctx.addEndHandler(done -> {
                long elapsed = System.nanoTime() - start;
                boolean answered = done.succeeded();
                for (Ending ending : endings) {
                    ending.ended(ctx, elapsed, answered);
                }
            });
        }
        run(ctx, 0);
    }

    /**
     * Goes on with the steps after {@code after}, then the operation: for a step that returned true from
     * {@link Step#handle} to wait without blocking the event loop, once it is done waiting and has not answered.
     * Call it on the request's context. The request is paused until the REST layer reads its body.
     */
    public void resume(RoutingContext ctx, Step after) {
        int at = 0;
        while (steps[at] != after) {
            at++;
        }
        run(ctx, at + 1);
    }

    private void run(RoutingContext ctx, int from) {
        for (int i = from; i < steps.length; i++) {
            if (steps[i].handle(ctx)) {
                return;
            }
        }
        // for the log lines the operation writes (an answer given by a step writes none)
        MDC.put("requestId", RequestIds.of(ctx.request()));
        ctx.next();
    }
}
