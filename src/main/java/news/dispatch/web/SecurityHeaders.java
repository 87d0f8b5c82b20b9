package news.dispatch.web;

import io.vertx.core.MultiMap;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Adds the security headers to every response, whoever writes it (resources, problem mapper,
 * health, metrics, Swagger UI): set when the headers are about to be sent, so the content type is known.
 */
@ApplicationScoped
public class SecurityHeaders {

    private final SecurityHeadersConfig config;

    public SecurityHeaders(SecurityHeadersConfig config) {
        this.config = config;
    }

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 12).handler(ctx -> {
            ctx.addHeadersEndHandler(v -> apply(ctx.response().headers()));
            ctx.next();
        });
    }

    void apply(MultiMap headers) {
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Referrer-Policy", config.referrerPolicy());
        headers.set("X-Frame-Options", "DENY");
        String type = headers.get("Content-Type");
        boolean html = type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("text/html");
        headers.set("Content-Security-Policy", html ? config.htmlContentSecurityPolicy() : config.contentSecurityPolicy());
        config.strictTransportSecurity().ifPresent(value -> headers.set("Strict-Transport-Security", value));
    }
}
