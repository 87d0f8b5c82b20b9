package news.dispatch.ops;

import io.smallrye.health.SmallRyeHealthReporter;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Singleton;
import news.dispatch.web.FrontDoor;

/**
 * Readiness on the public port, for load balancers and edges that can probe only the port they send traffic to
 * (Varnish probes a backend on its own address and port; decision 094). {@code GET /q/health/ready} answers
 * 200 {@code {"status":"UP"}} or 503 {@code {"status":"DOWN"}}, the same verdict as the management interface's
 * readiness (decision 122), which also goes down during the shutdown delay, but without the checks' details.
 * <p>
 * The verdict is worked out on a worker thread (the checks use the database) at most every {@value #REUSE_MILLIS} ms.
 * A probe is answered at once with the newest verdict, and a new one is worked out behind it when that is older than
 * that: a busy instance, whose checks wait for a database connection, still answers its probes within their timeout
 * (else an edge would mark every busy instance down at once and answer 503 itself). Only the first probe waits for a
 * verdict. Probing costs the database one check per interval however many edges probe. Not rate limited: a probe must
 * never get a 429.
 */
@Singleton
public class PublicReadiness implements FrontDoor.Step {

    static final String PATH = "/q/health/ready";
    static final long REUSE_MILLIS = 500;
    /** A verdict being worked out for longer than this is given up on, and another one started. */
    static final long STUCK_MILLIS = 10_000;
    private static final String UP = "{\"status\":\"UP\"}";
    private static final String DOWN = "{\"status\":\"DOWN\"}";

    private record Verdict(boolean up, long at) {
    }

    private final SmallRyeHealthReporter health;
    /** The newest verdict; null before the first probe. */
    private volatile Verdict last;
    /** When the verdict being worked out was started (milliseconds), or 0. */
    private final java.util.concurrent.atomic.AtomicLong refreshing = new java.util.concurrent.atomic.AtomicLong();

    public PublicReadiness(SmallRyeHealthReporter health) {
        this.health = health;
    }

    @Override
    public int order() {
        return 55; // after the security headers and CORS, before the rate limit of the other /q routes (60)
    }

    @Override
    public boolean handle(RoutingContext ctx) {
        if (!PATH.equals(ctx.request().path())) {
            return false;
        }
        HttpMethod method = ctx.request().method();
        if (method != HttpMethod.GET && method != HttpMethod.HEAD) {
            return false; // the REST layer answers 405 problem+json
        }
        Verdict verdict = last;
        long now = System.nanoTime() / 1_000_000;
        if (verdict == null) {
            refresh(ctx, now).onComplete(result -> answer(ctx, result.succeeded() && result.result()));
            return true;
        }
        answer(ctx, verdict.up());
        long started = refreshing.get();
        if (now - verdict.at() >= REUSE_MILLIS && (started == 0 || now - started > STUCK_MILLIS)
                && refreshing.compareAndSet(started, now)) {
            refresh(ctx, now);
        }
        return true;
    }

    /** Works out a new verdict on a worker thread. */
    private io.vertx.core.Future<Boolean> refresh(RoutingContext ctx, long startedAt) {
        return ctx.vertx().executeBlocking(() -> {
            boolean up = !health.getReadiness().isDown();
            last = new Verdict(up, System.nanoTime() / 1_000_000);
            return up;
        }, false).onComplete(done -> refreshing.compareAndSet(startedAt, 0));
    }

    private static void answer(RoutingContext ctx, boolean up) {
        if (ctx.response().ended() || ctx.response().closed()) {
            return;
        }
        ctx.response().setStatusCode(up ? 200 : 503)
                .putHeader("Content-Type", "application/json")
                .putHeader("Cache-Control", "no-store")
                .end(up ? UP : DOWN);
    }
}
