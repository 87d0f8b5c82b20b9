package news.dispatch.ops;

import io.vertx.core.http.impl.HttpServerRequestInternal;
import jakarta.inject.Singleton;
import news.dispatch.web.FrontDoor;

/**
 * Keeps raw URLs out of the metrics and the access log. RESTEasy stores the route template of the
 * resource method that matched a request; a 405, an OPTIONS or an unknown path has none, and tagging
 * those with the raw path would let anyone mint series. Every API request therefore starts with the
 * template {@value #UNMATCHED}, which a matching resource method replaces, and {@link RequestMetrics}
 * and {@link AccessLog} read it when the request ends. ({@code /q/*} is left alone: it is not measured.)
 */
@Singleton
public class UnmatchedRoutes implements FrontDoor.Step {

    public static final String UNMATCHED = "/UNMATCHED";
    static final String TEMPLATE_KEY = "UrlPathTemplate";

    @Override
    public int order() {
        return 0;
    }

    @Override
    public boolean handle(io.vertx.ext.web.RoutingContext ctx) {
        if (ctx.request() instanceof HttpServerRequestInternal internal && !path(ctx).startsWith("/q/")) {
            internal.context().putLocal(TEMPLATE_KEY, UNMATCHED);
        }
        return false;
    }

    /**
     * The request's normalised path, or its raw path when it cannot be normalised (a broken escape, which
     * web/RequestChecks answers with 400): Vert.x throws on every call then.
     */
    public static String path(io.vertx.ext.web.RoutingContext ctx) {
        try {
            return ctx.normalizedPath();
        } catch (IllegalArgumentException e) {
            return ctx.request().path();
        }
    }

    /** The route template of the request being served on this thread's Vert.x context, or null. */
    public static String current() {
        if (io.vertx.core.Vertx.currentContext() instanceof io.vertx.core.impl.ContextInternal context) {
            Object template = context.getLocal(TEMPLATE_KEY);
            return template == null || UNMATCHED.equals(template) ? null : template.toString();
        }
        return null;
    }

    /** Names the request's route, as a matching resource method would, for an answer given before matching. */
    public static void set(io.vertx.ext.web.RoutingContext ctx, String template) {
        if (template != null && ctx.request() instanceof HttpServerRequestInternal internal) {
            internal.context().putLocal(TEMPLATE_KEY, template);
        }
    }

    /** The route template of the request, null when no resource method matched it. */
    static String template(io.vertx.ext.web.RoutingContext ctx) {
        if (ctx.request() instanceof HttpServerRequestInternal internal) {
            Object template = internal.context().getLocal(TEMPLATE_KEY);
            return template == null || UNMATCHED.equals(template) ? null : template.toString();
        }
        return null;
    }
}
