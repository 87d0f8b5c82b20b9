package news.dispatch.web;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.util.Optional;

/** Headers every response carries (docs/operations.md, "Security headers"). */
@ConfigMapping(prefix = "dispatch.http.headers")
public interface SecurityHeadersConfig {

    /** Content-Security-Policy of everything that is not HTML: API responses load nothing and are never framed. */
    @WithDefault("default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'")
    String contentSecurityPolicy();

    /**
     * Content-Security-Policy of HTML pages (Swagger UI): only our own scripts, styles, images and API
     * calls. Swagger UI's page starts itself with inline scripts and styles, hence 'unsafe-inline'.
     */
    @WithDefault("default-src 'none'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; font-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; "
            + "form-action 'none'")
    String htmlContentSecurityPolicy();

    @WithDefault("no-referrer")
    String referrerPolicy();

    /** Strict-Transport-Security, for deployments served over HTTPS only (e.g. "max-age=31536000; includeSubDomains"). */
    Optional<String> strictTransportSecurity();
}
