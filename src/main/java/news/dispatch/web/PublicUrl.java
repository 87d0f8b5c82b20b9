package news.dispatch.web;

import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The service's public origin ({@code DISPATCH_PUBLIC_URL}), the one base of the absolute URLs the API writes
 * into bodies: a feed's own address (Atom and RSS {@code rel="self"}, JSON Feed {@code feed_url}). Never taken
 * from the request's {@code Host} or {@code X-Forwarded-*}: a cached answer would hand a caller's made-up host
 * to everyone after them (docs/decisions/120-canonical-requests-and-public-urls.md). Headers that may be
 * relative ({@code Link}, {@code Location}) are.
 */
@Singleton
public class PublicUrl {

    private final String base;

    public PublicUrl(@ConfigProperty(name = "dispatch.http.public-url") String base) {
        String trimmed = base.trim();
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        if (!trimmed.startsWith("http://") && !trimmed.startsWith("https://")) {
            throw new IllegalArgumentException("dispatch.http.public-url must be an http or https URL: " + base);
        }
        this.base = trimmed;
    }

    /** The absolute URL of a path of this service ({@code /v1/feeds/latest.atom}). */
    public String of(String path) {
        return base + path;
    }
}
