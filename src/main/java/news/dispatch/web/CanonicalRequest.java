package news.dispatch.web;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import org.jboss.resteasy.reactive.server.core.CurrentRequestManager;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The canonical form of a request's path and query: what the application cache keys on and what the
 * {@code Link} of a next page is built from (docs/decisions/120-canonical-requests-and-public-urls.md).
 * Spellings of one request that the API reads alike give one form, so they share one cache entry:
 * <ul>
 *   <li>the path is normalised as RFC 3986 6.2.2 says: escapes of unreserved characters are decoded, other
 *       escapes written in upper case, characters a URI may not hold escaped; reserved characters keep their
 *       role ({@code %2F} stays an escape, never a slash);</li>
 *   <li>each query parameter's name and value are decoded and encoded again one way ({@code ,} and
 *       unreserved characters as they are, everything else escaped), so {@code tag=iraq|iran},
 *       {@code tag=iraq%7ciran} and {@code tag=%69raq%7Ciran} are one; {@code +} stays apart from
 *       {@code %2B}, since the two can be read differently;</li>
 *   <li>parameters are sorted by name (the values of a repeated name keep their order; the API refuses them
 *       anyway) and empty ones ({@code &&}) are dropped.</li>
 * </ul>
 * A request that cannot be read (a broken escape) keeps its raw form: the API refuses it, so it is never cached.
 * The form depends on the request target alone, never on {@code Host} or another header, except that the
 * language {@code Accept-Language} chose for a list is written in as its {@code lang} ({@link #of(RoutingContext)}).
 */
public final class CanonicalRequest {

    private static final String HEX = "0123456789ABCDEF";

    private CanonicalRequest() {
    }

    /** The canonical {@code path?query} of a request as the HTTP server received it. */
    public static String of(HttpServerRequest request) {
        return of(request.path(), request.query());
    }

    /**
     * The canonical {@code path?query} of a request as the application reads it: with the {@code lang} that
     * {@code Accept-Language} chose for a list ({@link ListLanguage}), so that the header and the parameter share
     * one cache entry.
     */
    public static String of(RoutingContext ctx) {
        String canonical = of(ctx.request());
        String language = ListLanguage.chosen(ctx);
        return language == null ? canonical : with(canonical, "lang", language);
    }

    /** The canonical {@code path?query} of the request being served on this thread by the REST layer, as {@link #of(RoutingContext)}. */
    public static String current() {
        return of(currentContext());
    }

    /** The routing context of the request being served on this thread by the REST layer. */
    static RoutingContext currentContext() {
        ResteasyReactiveRequestContext context = CurrentRequestManager.get();
        if (context == null) {
            throw new IllegalStateException("No request is being served on this thread");
        }
        return context.serverRequest().unwrap(RoutingContext.class);
    }

    /** The canonical {@code path?query} (always with the {@code ?}) of a raw path and query (null: none). */
    public static String of(String rawPath, String rawQuery) {
        String path = rawPath == null || rawPath.isEmpty() ? "/" : rawPath;
        if (isCanonical(path, rawQuery)) {
            return rawQuery == null ? path + "?" : path + "?" + rawQuery;
        }
        String canonicalPath = normalisedPath(path);
        List<String[]> parameters = parameters(rawQuery);
        if (canonicalPath == null || parameters == null) {
            return path + "?" + (rawQuery == null ? "" : rawQuery);
        }
        return canonicalPath + "?" + join(parameters);
    }

    /**
     * A canonical request with one parameter set to a value (added or replaced), still canonical: the
     * target of a next page's {@code Link}, relative to the service's own origin.
     */
    public static String with(String canonical, String name, String value) {
        int question = canonical.indexOf('?');
        String path = question < 0 ? canonical : canonical.substring(0, question);
        List<String[]> parameters = parameters(question < 0 ? null : canonical.substring(question + 1));
        if (parameters == null) {
            parameters = new ArrayList<>();
        }
        String encodedName = encodeComponent(name);
        parameters.removeIf(p -> p[0].equals(encodedName));
        parameters.add(new String[] {encodedName, encodeComponent(value)});
        parameters.sort(Comparator.comparing(p -> p[0]));
        return path + "?" + join(parameters);
    }

    /**
     * The common case, checked without allocating: no escape, no character that needs one, no empty
     * parameter, names in order. Such a request is its own canonical form.
     */
    static boolean isCanonical(String path, String query) {
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '%' || !(unreserved(c) || subDelimiter(c) || c == ':' || c == '@' || c == '/')) {
                return false;
            }
        }
        if (query == null) {
            return true;
        }
        if (query.isEmpty()) {
            return true;
        }
        int start = 0;
        String previousQuery = null;
        int previousStart = 0;
        int previousEnd = 0;
        while (start <= query.length()) {
            int end = query.indexOf('&', start);
            if (end < 0) {
                end = query.length();
            }
            if (end == start) {
                return false; // an empty parameter
            }
            int nameEnd = start;
            boolean valueStarted = false;
            for (int i = start; i < end; i++) {
                char c = query.charAt(i);
                if (c == '=' && !valueStarted) {
                    valueStarted = true;
                    nameEnd = i;
                    continue;
                }
                if (!(unreserved(c) || c == ',' || c == '+')) {
                    return false;
                }
            }
            if (!valueStarted) {
                nameEnd = end;
            }
            if (previousQuery != null && compare(query, previousStart, previousEnd, start, nameEnd) > 0) {
                return false;
            }
            previousQuery = query;
            previousStart = start;
            previousEnd = nameEnd;
            start = end + 1;
        }
        return true;
    }

    private static int compare(String s, int aStart, int aEnd, int bStart, int bEnd) {
        int n = Math.min(aEnd - aStart, bEnd - bStart);
        for (int i = 0; i < n; i++) {
            int d = s.charAt(aStart + i) - s.charAt(bStart + i);
            if (d != 0) {
                return d;
            }
        }
        return (aEnd - aStart) - (bEnd - bStart);
    }

    /** RFC 3986 6.2.2 normalisation of a path; null when an escape is broken. */
    static String normalisedPath(String path) {
        StringBuilder out = new StringBuilder(path.length() + 8);
        byte[] bytes = path.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            int b = bytes[i] & 0xFF;
            if (b == '%') {
                if (i + 2 >= bytes.length || hex(bytes[i + 1]) < 0 || hex(bytes[i + 2]) < 0) {
                    return null;
                }
                int decoded = hex(bytes[i + 1]) * 16 + hex(bytes[i + 2]);
                i += 2;
                if (decoded < 0x80 && unreserved((char) decoded)) {
                    out.append((char) decoded);
                } else {
                    escape(out, decoded);
                }
            } else if (b < 0x80 && (unreserved((char) b) || subDelimiter((char) b) || b == ':' || b == '@' || b == '/')) {
                out.append((char) b);
            } else {
                escape(out, b);
            }
        }
        return out.toString();
    }

    /** The parameters of a raw query, each name and value decoded and encoded again; null when an escape is broken. */
    private static List<String[]> parameters(String query) {
        List<String[]> parameters = new ArrayList<>();
        if (query == null || query.isEmpty()) {
            return parameters;
        }
        for (String pair : query.split("&", -1)) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = recode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? null : recode(pair.substring(equals + 1));
            if (name == null || (equals >= 0 && value == null)) {
                return null;
            }
            parameters.add(new String[] {name, value});
        }
        parameters.sort(Comparator.comparing(p -> p[0])); // stable: a repeated name keeps its values' order
        return parameters;
    }

    private static String join(List<String[]> parameters) {
        StringBuilder out = new StringBuilder();
        for (String[] p : parameters) {
            if (out.length() > 0) {
                out.append('&');
            }
            out.append(p[0]);
            if (p[1] != null) {
                out.append('=').append(p[1]);
            }
        }
        return out.toString();
    }

    /** A raw query component decoded and encoded again; a raw {@code +} stays {@code +}. Null when an escape is broken. */
    private static String recode(String raw) {
        ByteArrayOutputStream decoded = new ByteArrayOutputStream(raw.length());
        StringBuilder out = new StringBuilder(raw.length() + 8);
        byte[] bytes = raw.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i++) {
            int b = bytes[i] & 0xFF;
            if (b == '+') {
                flush(decoded, out);
                out.append('+');
            } else if (b == '%') {
                if (i + 2 >= bytes.length || hex(bytes[i + 1]) < 0 || hex(bytes[i + 2]) < 0) {
                    return null;
                }
                decoded.write(hex(bytes[i + 1]) * 16 + hex(bytes[i + 2]));
                i += 2;
            } else {
                decoded.write(b);
            }
        }
        flush(decoded, out);
        return out.toString();
    }

    private static void flush(ByteArrayOutputStream decoded, StringBuilder out) {
        for (byte value : decoded.toByteArray()) {
            int b = value & 0xFF;
            if (b < 0x80 && (unreserved((char) b) || b == ',')) {
                out.append((char) b);
            } else {
                escape(out, b);
            }
        }
        decoded.reset();
    }

    /** A name or value as the canonical query writes it. */
    private static String encodeComponent(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (byte value : text.getBytes(StandardCharsets.UTF_8)) {
            int b = value & 0xFF;
            if (b < 0x80 && (unreserved((char) b) || b == ',')) {
                out.append((char) b);
            } else {
                escape(out, b);
            }
        }
        return out.toString();
    }

    private static void escape(StringBuilder out, int b) {
        out.append('%').append(HEX.charAt(b >> 4)).append(HEX.charAt(b & 0xF));
    }

    private static int hex(byte b) {
        if (b >= '0' && b <= '9') {
            return b - '0';
        }
        if (b >= 'A' && b <= 'F') {
            return b - 'A' + 10;
        }
        if (b >= 'a' && b <= 'f') {
            return b - 'a' + 10;
        }
        return -1;
    }

    private static boolean unreserved(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '-' || c == '.' || c == '_' || c == '~';
    }

    private static boolean subDelimiter(char c) {
        return c == '!' || c == '$' || c == '&' || c == '\'' || c == '(' || c == ')' || c == '*' || c == '+'
                || c == ',' || c == ';' || c == '=';
    }
}
