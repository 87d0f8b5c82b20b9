package news.dispatch.web;

import io.netty.util.AsciiString;
import io.vertx.core.MultiMap;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Singleton;

/**
 * Adds the security headers to every response with a body, whoever writes it (resources, problem
 * mapper, health, metrics, Swagger UI): set when the headers are about to be sent, so the content type
 * is known. A 304 carries none: it has no content for them to govern, and the client's stored 200
 * keeps its own (RFC 9111 4.3.4; docs/decisions/068-not-modified-answers.md). Names and values are
 * encoded once, as every answer sends them.
 */
@Singleton
public class SecurityHeaders implements FrontDoor.Step {

    private static final CharSequence CONTENT_TYPE_OPTIONS = AsciiString.cached("X-Content-Type-Options");
    private static final CharSequence NOSNIFF = AsciiString.cached("nosniff");
    private static final CharSequence REFERRER_POLICY = AsciiString.cached("Referrer-Policy");
    private static final CharSequence FRAME_OPTIONS = AsciiString.cached("X-Frame-Options");
    private static final CharSequence DENY = AsciiString.cached("DENY");
    private static final CharSequence CONTENT_SECURITY_POLICY = AsciiString.cached("Content-Security-Policy");
    private static final CharSequence STRICT_TRANSPORT_SECURITY = AsciiString.cached("Strict-Transport-Security");

    private final CharSequence referrerPolicy;
    private final CharSequence htmlPolicy;
    private final CharSequence policy;
    private final CharSequence strictTransportSecurity;

    public SecurityHeaders(SecurityHeadersConfig config) {
        this.referrerPolicy = HeaderValues.encoded(config.referrerPolicy());
        this.htmlPolicy = HeaderValues.encoded(config.htmlContentSecurityPolicy());
        this.policy = HeaderValues.encoded(config.contentSecurityPolicy());
        this.strictTransportSecurity = config.strictTransportSecurity().map(HeaderValues::encoded).orElse(null);
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    public boolean handle(RoutingContext ctx) {
        ctx.addHeadersEndHandler(v -> {
            if (ctx.response().getStatusCode() != 304) {
                apply(ctx.response().headers());
            }
        });
        return false;
    }

    void apply(MultiMap headers) {
        headers.set(CONTENT_TYPE_OPTIONS, NOSNIFF);
        headers.set(REFERRER_POLICY, referrerPolicy);
        headers.set(FRAME_OPTIONS, DENY);
        String type = headers.get("Content-Type");
        boolean html = type != null && type.regionMatches(true, 0, "text/html", 0, 9);
        headers.set(CONTENT_SECURITY_POLICY, html ? htmlPolicy : policy);
        if (strictTransportSecurity != null) {
            headers.set(STRICT_TRANSPORT_SECURITY, strictTransportSecurity);
        }
    }
}
