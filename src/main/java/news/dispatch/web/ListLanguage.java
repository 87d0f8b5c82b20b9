package news.dispatch.web;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Singleton;
import jakarta.ws.rs.container.ContainerRequestContext;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code Accept-Language} picks the language of an article list when the request has no {@code lang} parameter
 * (docs/decisions/133-accept-language-for-lists.md). The lists are {@code /v1/articles}, {@code /v1/search},
 * {@code /v1/most-read} and the articles of a section, tag or byline; a single article, a batch read ({@code ids=}), feeds and the change feed
 * never depend on the header.
 * <p>
 * The header is matched against the languages the outlet publishes ({@code dispatch.languages}) by RFC 4647
 * lookup: ranges by weight, each cut back one subtag at a time ({@code en-US} finds {@code en}); {@code q=0},
 * {@code *} and an unreadable header choose nothing, and then the list shows every language, as without the header.
 * Kurdish written as {@code ku} is matched to the outlet's Kurdish by its script or region: Arabic script, Iraq or
 * Iran to Sorani ({@code ckb}), otherwise Kurmanji ({@code kmr}).
 * <p>
 * A chosen language works as if the request had said {@code lang=}: the REST layer sees the parameter (a filter
 * here adds it before matching), the application cache keys on the canonical request with it
 * ({@link CanonicalRequest#of(RoutingContext)}), so {@code Accept-Language: ckb} and {@code ?lang=ckb} share one
 * entry, and a next page's {@code Link} names it. Every answer of such a list without {@code lang} says
 * {@code Vary: Accept-Language}, whether a language was chosen or not.
 */
@Singleton
public class ListLanguage implements FrontDoor.Step {

    /** The routing-context key of the language chosen for the request, when one was. */
    static final String CHOSEN = "dispatch.list-language";

    private static final Pattern LISTS = Pattern.compile("/v1/(?:articles|search|most-read|(?:sections|tags|bylines)/[^/]+/articles)/?");

    private final Map<String, String> published;

    public ListLanguage(@ConfigProperty(name = "dispatch.languages") List<String> languages) {
        Map<String, String> byLowerCase = new java.util.LinkedHashMap<>();
        for (String language : languages) {
            String tag = Locale.forLanguageTag(language.trim()).toLanguageTag();
            byLowerCase.put(tag.toLowerCase(Locale.ROOT), tag);
        }
        this.published = Map.copyOf(byLowerCase);
    }

    @Override
    public int order() {
        return 45; // after CORS (40), which also adds to Vary; before the cached answers (100)
    }

    @Override
    public boolean handle(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        HttpMethod method = request.method();
        if ((method != HttpMethod.GET && method != HttpMethod.HEAD) || !LISTS.matcher(request.path()).matches()) {
            return false;
        }
        String query = request.query();
        if (query != null && query.indexOf('%') >= 0) {
            query = canonicalQuery(request); // a parameter's name may be escaped (l%61ng)
        }
        if (hasParameter(query, "lang") || hasParameter(query, "ids")) {
            return false; // the language is given, or the request is a batch read of named articles (decision 150)
        }
        var response = ctx.response();
        ctx.addHeadersEndHandler(v -> {
            String vary = response.headers().get("Vary");
            if (vary != null && !vary.isBlank() && !vary.toLowerCase(Locale.ROOT).contains("accept-language")) {
                response.headers().set("Vary", vary + ", Accept-Language");
            }
        });
        String chosen = choose(request.getHeader("Accept-Language"));
        if (chosen != null) {
            ctx.put(CHOSEN, chosen);
        }
        return false;
    }

    /** The language chosen for the request being served on this routing context, or null. */
    public static String chosen(RoutingContext ctx) {
        return ctx == null ? null : ctx.get(CHOSEN);
    }

    /** Gives the REST layer the chosen language as the {@code lang} parameter. */
    @ServerRequestFilter(preMatching = true)
    public void addParameter(ContainerRequestContext request) {
        RoutingContext ctx = CanonicalRequest.currentContext();
        String chosen = chosen(ctx);
        if (chosen != null) {
            // The canonical target (every character a URI may not hold escaped; the REST layer reads the parameters
            // alike), with the origin when the request named one: an HTTP/1.0 request may have no Host.
            String target = CanonicalRequest.of(ctx);
            HttpServerRequest raw = ctx.request();
            URI uri;
            try {
                uri = raw.authority() == null ? URI.create(target) : URI.create(raw.scheme() + "://" + raw.authority() + target);
            } catch (IllegalArgumentException e) {
                uri = URI.create(target);
            }
            request.setRequestUri(uri);
        }
    }

    /** The published language a header asks for, or null for none (absent, unreadable, nothing matches). */
    String choose(String header) {
        if (header == null || header.isBlank() || header.length() > 1024) {
            return null;
        }
        List<Locale.LanguageRange> ranges;
        try {
            ranges = Locale.LanguageRange.parse(header);
        } catch (IllegalArgumentException e) {
            return null; // an unreadable Accept-Language is ignored (RFC 9110 12.5.4)
        }
        List<String> refused = new ArrayList<>();
        for (Locale.LanguageRange range : ranges) {
            if (range.getWeight() == 0) {
                refused.add(range.getRange());
            }
        }
        for (Locale.LanguageRange range : ranges) { // by weight, highest first
            if (range.getWeight() == 0 || range.getRange().equals("*")) {
                continue;
            }
            String found = lookup(range.getRange());
            if (found != null && !refused.contains(found.toLowerCase(Locale.ROOT))) {
                return found;
            }
        }
        return null;
    }

    private String lookup(String range) {
        String candidate = kurdish(range);
        while (true) {
            String found = published.get(candidate);
            if (found != null) {
                return found;
            }
            int dash = candidate.lastIndexOf('-');
            if (dash < 0) {
                return null;
            }
            candidate = candidate.substring(0, dash);
            if (candidate.length() > 2 && candidate.charAt(candidate.length() - 2) == '-') {
                candidate = candidate.substring(0, candidate.length() - 2); // RFC 4647 3.4: drop a singleton too
            }
        }
    }

    /** {@code ku}, {@code ku-Latn}, {@code ku-TR} and the like as Kurmanji; {@code ku-Arab}, {@code ku-IQ}, {@code ku-IR} as Sorani. */
    private static String kurdish(String range) {
        if (!range.equals("ku") && !range.startsWith("ku-")) {
            return range;
        }
        return range.contains("-arab") || range.contains("-iq") || range.contains("-ir") ? "ckb" : "kmr";
    }

    /** The canonical query. */
    private static String canonicalQuery(HttpServerRequest request) {
        String canonical = CanonicalRequest.of(request);
        return canonical.substring(canonical.indexOf('?') + 1);
    }

    private static boolean hasParameter(String query, String name) {
        if (query == null) {
            return false;
        }
        int at = 0;
        while (at <= query.length()) {
            int end = query.indexOf('&', at);
            if (end < 0) {
                end = query.length();
            }
            if (query.startsWith(name, at) && (at + name.length() == end || query.charAt(at + name.length()) == '=')) {
                return true;
            }
            at = end + 1;
        }
        return false;
    }
}
