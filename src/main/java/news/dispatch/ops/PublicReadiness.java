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
 * The verdict is worked out on a worker thread (the checks use the database) at most every
 * {@value #REUSE_MILLIS} ms and shared by the probes in between, so probing costs the database nothing more than
 * one check per interval however many edges and readers probe. Not rate limited: a probe must never get a 429.
 */
@Singleton
public class PublicReadiness implements FrontDoor.Step {

    static final String PATH = "/q/health/ready";
    static final long REUSE_MILLIS = 500;
    private static final String UP = "{\"status\":\"UP\"}";
    private static final String DOWN = "{\"status\":\"DOWN\"}";

    private record Verdict(boolean up, long at) {
    }

    private final SmallRyeHealthReporter health;
    /** The newest verdict; null before the first probe. */
    private volatile Verdict last;

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
        if (verdict != null && now - verdict.at() < REUSE_MILLIS) {
            answer(ctx, verdict.up());
            return true;
        }
        ctx.vertx().executeBlocking(() -> {
            boolean up = !health.getReadiness().isDown();
            last = new Verdict(up, System.nanoTime() / 1_000_000);
            return up;
        }, false).onComplete(result -> answer(ctx, result.succeeded() && result.result()));
        return true;
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
