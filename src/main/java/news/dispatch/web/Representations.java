package news.dispatch.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * Turns a read result into a cacheable response: the JSON bytes, a strong ETag computed from
 * them (so it changes whenever anything the response shows changes), Last-Modified where the
 * resource has one, Cache-Control and Vary, and 304 for a matching If-None-Match or, without
 * one, an If-Modified-Since no older than Last-Modified.
 * <p>
 * Public (anonymous) reads are {@code public} with max-age and stale-while-revalidate; keyed reads
 * (any caller the access layer identified, or any request carrying {@code Authorization}) are
 * {@code private, no-cache}: they may show what the public does not, so no shared cache may keep
 * them and the client revalidates (cheaply, by ETag). {@code Vary} names Authorization for that
 * reason. That rule lives in {@link #privateWhenKeyed} alone, so it holds for every response a cache
 * could keep, whether built here or not (the redirect from a former slug). {@code Surrogate-Key}
 * names what the response shows so a CDN can purge exactly that (docs/decisions/042-http-caching.md,
 * 007-shared-http-plumbing.md).
 */
@ApplicationScoped
public class Representations {

    public static final String VARY = "Accept, Accept-Encoding, Authorization";
    public static final String PRIVATE_CACHE_CONTROL = "private, no-cache";
    public static final String SURROGATE_KEY = "Surrogate-Key";

    private final ObjectMapper json;
    private final CallerIdentity caller;
    private final String publicCacheControl;

    public Representations(ObjectMapper json, HttpCacheConfig config, CallerIdentity caller) {
        this.json = json;
        this.caller = caller;
        this.publicCacheControl = "public, max-age=" + config.maxAge()
                + ", stale-while-revalidate=" + config.staleWhileRevalidate();
    }

    /** Whether this request is a keyed one: its response is private and never served from a shared cache. */
    public boolean keyed(HttpHeaders request) {
        return keyed(request.getHeaderString(HttpHeaders.AUTHORIZATION));
    }

    private boolean keyed(String authorization) {
        return caller.identified() || authorization != null;
    }

    /**
     * The one place of the rule for keyed requests: an answer a shared cache could keep ({@code public})
     * becomes {@code private, no-cache}, and whatever a cache may keep varies by Authorization.
     * Answers no cache may store ({@code no-store}: problems, secrets) are left as they are.
     */
    @ServerResponseFilter
    public void privateWhenKeyed(ContainerRequestContext request, ContainerResponseContext response) {
        MultivaluedMap<String, Object> headers = response.getHeaders();
        Object cacheControl = headers.getFirst(HttpHeaders.CACHE_CONTROL);
        if (cacheControl == null || cacheControl.toString().startsWith("no-store")) {
            return;
        }
        if (cacheControl.toString().startsWith("public") && keyed(request.getHeaderString(HttpHeaders.AUTHORIZATION))) {
            headers.putSingle(HttpHeaders.CACHE_CONTROL, PRIVATE_CACHE_CONTROL);
        }
        Object vary = headers.getFirst(HttpHeaders.VARY);
        if (vary == null) {
            headers.putSingle(HttpHeaders.VARY, "Authorization");
        } else if (!vary.toString().contains("Authorization")) {
            headers.putSingle(HttpHeaders.VARY, vary + ", Authorization");
        }
    }

    /** Renders a body: JSON bytes and their strong ETag. */
    public Representation render(Object body, Instant lastModified, Long version, String link, Collection<String> surrogateKeys) {
        byte[] bytes = serialize(body);
        return new Representation(bytes, MediaType.APPLICATION_JSON, etag(version, bytes),
                lastModified == null ? null : lastModified.truncatedTo(ChronoUnit.SECONDS), link,
                surrogateKey(surrogateKeys));
    }

    /** The Surrogate-Key header value: the keys once each, in their order, separated by spaces; null for none. */
    static String surrogateKey(Collection<String> keys) {
        if (keys == null || keys.isEmpty()) {
            return null;
        }
        return String.join(" ", keys instanceof Set<?> ? keys : new LinkedHashSet<>(keys));
    }

    /** The Link header value of a page's next page, or null on the last page ({@code uri} is not read). */
    public static String nextLink(UriInfo uri, PageInfo page) {
        if (page.next() == null) {
            return null;
        }
        // Relative (RFC 8288 3.1) and canonical: the same for every spelling of the request and every Host
        // that reached it, so a cached page never carries a URL a client made up.
        return "<" + CanonicalRequest.with(CanonicalRequest.current(), "cursor", page.next()) + ">; rel=\"next\"";
    }

    /**
     * 200 with the body, or 304 when the request's validators match; caching headers either way. The body goes in
     * the best content coding the client accepts (kept with the representation once made), with that coding's ETag.
     */
    public Response respond(HttpHeaders request, Representation r) {
        ContentCoding coding = r.coding(ContentCoding.negotiate(request.getHeaderString(HttpHeaders.ACCEPT_ENCODING)));
        boolean notModified = notModified(request.getHeaderString(HttpHeaders.IF_NONE_MATCH),
                request.getHeaderString(HttpHeaders.IF_MODIFIED_SINCE), r);
        Response.ResponseBuilder response = notModified ? Response.notModified()
                : Response.ok(r.encoded(coding), r.mediaType());
        if (!notModified && coding.token() != null) {
            response.header(HttpHeaders.CONTENT_ENCODING, coding.token());
        }
        // private when keyed: privateWhenKeyed
        headers(r, coding, publicCacheControl, notModified, response::header);
        return response.build();
    }

    /**
     * The caching headers of a public 200 with this representation: ETag, Cache-Control, Vary,
     * Last-Modified, Link and Surrogate-Key. The one definition of them, for {@link #respond} and for
     * the application cache's early answers ({@code cache/CachedAnswers}).
     */
    public void publicHeaders(Representation r, BiConsumer<String, String> header) {
        headers(r, null, publicCacheControl, false, header);
    }

    /**
     * The headers of a public 304 for this representation: ETag, Cache-Control, Vary and Last-Modified
     * only. RFC 9110 (15.4.5) asks a 304 for the validators, Cache-Control and Vary, and not to repeat the
     * rest of the representation's metadata: the client's or the CDN's stored 200 already holds the Link
     * and Surrogate-Key of this very ETag, and a cache keeps the stored fields a 304 leaves out
     * (RFC 9111 4.3.4). A list's 304 shrinks from about 2.9 KB to about 310 bytes
     * (docs/decisions/068-not-modified-answers.md).
     */
    public void notModifiedHeaders(Representation r, BiConsumer<String, String> header) {
        headers(r, null, publicCacheControl, true, header);
    }

    /** The headers; the ETag of {@code coding}, or none when {@code coding} is null (the caller sends the coding's own). */
    private static void headers(Representation r, ContentCoding coding, String cacheControl, boolean notModified,
                                BiConsumer<String, String> header) {
        if (coding != null) {
            header.accept(HttpHeaders.ETAG, coding.etag(r.etag()));
        }
        header.accept(HttpHeaders.CACHE_CONTROL, r.cacheControl() != null ? r.cacheControl() : cacheControl);
        header.accept(HttpHeaders.VARY, VARY);
        if (r.lastModified() != null) {
            header.accept(HttpHeaders.LAST_MODIFIED, DateTimeFormatter.RFC_1123_DATE_TIME.format(r.lastModified().atZone(ZoneOffset.UTC)));
        }
        if (notModified) {
            return;
        }
        if (r.link() != null) {
            header.accept("Link", r.link());
        }
        if (r.language() != null) {
            header.accept("Content-Language", r.language());
        }
        if (r.surrogateKey() != null) {
            header.accept(SURROGATE_KEY, r.surrogateKey());
        }
    }

    /** Whether a request with these validators may be answered 304 for this representation. */
    public static boolean notModified(String ifNoneMatch, String ifModifiedSince, Representation r) {
        return notModified(ifNoneMatch, ifModifiedSince, r.etag(), r.lastModified());
    }

    public Response json(HttpHeaders request, Object body, Instant lastModified) {
        return json(request, body, lastModified, Set.of());
    }

    /** A single resource with the CDN purge keys of what it shows. */
    public Response json(HttpHeaders request, Object body, Instant lastModified, Collection<String> surrogateKeys) {
        return respond(request, render(body, lastModified, null, null, surrogateKeys));
    }

    /** A list page, with an RFC 8288 {@code Link: <...>; rel="next"} when there is a next page. */
    public Response page(HttpHeaders request, UriInfo uri, Page<?> page) {
        return page(request, uri, page, Set.of());
    }

    public Response page(HttpHeaders request, UriInfo uri, Page<?> page, Collection<String> surrogateKeys) {
        return respond(request, render(page, null, null, nextLink(uri, page.page()), surrogateKeys));
    }

    /**
     * @param version for an editable resource, its version: the ETag then reads
     *                {@code "<version>.<hash>"}, and If-Match on writes compares the version part,
     *                so an edit is refused only when the resource itself changed.
     */
    public Response bytes(HttpHeaders request, byte[] body, String mediaType, Instant lastModified, Long version) {
        return bytes(request, body, mediaType, lastModified, version, null);
    }

    /** As {@link #bytes(HttpHeaders, byte[], String, Instant, Long)}, with a Link header (a list's next page) or null. */
    public Response bytes(HttpHeaders request, byte[] body, String mediaType, Instant lastModified, Long version, String link) {
        return respond(request, of(body, mediaType, lastModified, version, link));
    }

    /** Bytes of any media type as a representation (strong ETag, Last-Modified to the second). */
    public static Representation of(byte[] body, String mediaType, Instant lastModified, Long version, String link) {
        return of(body, mediaType, lastModified, version, link, null);
    }

    /** As {@link #of(byte[], String, Instant, Long, String)}, with the purge keys of what the body shows. */
    public static Representation of(byte[] body, String mediaType, Instant lastModified, Long version, String link,
                                    Collection<String> surrogateKeys) {
        return new Representation(body, mediaType, etag(version, body),
                lastModified == null ? null : lastModified.truncatedTo(ChronoUnit.SECONDS), link, surrogateKey(surrogateKeys));
    }

    /**
     * An editable resource as a write left it: 200 with its JSON and the ETag {@code "<version>.<hash>"}
     * that the next write's If-Match names.
     */
    public Response stored(HttpHeaders request, Object view, Instant lastModified, long version) {
        return bytes(request, serialize(view), MediaType.APPLICATION_JSON, lastModified, version);
    }

    /**
     * {@code stored} as 201 Created, with the new resource's {@code Location} when it has its own URL: relative
     * (RFC 9110 10.2.2), as given; {@code ResponseBuilder.location} would make it absolute from the request's Host.
     */
    public static Response created(Response stored, String location) {
        Response.ResponseBuilder created = Response.fromResponse(stored).status(Response.Status.CREATED);
        return (location == null ? created : created.header(HttpHeaders.LOCATION, location)).build();
    }

    /**
     * 201 Created for what is answered once and kept by no cache ({@code no-store}): a secret shown only in this answer
     * (an API key's, a webhook's, a preview token), or a record with no representation of its own to revalidate.
     * {@code Location} is relative, as given.
     */
    public static Response createdOnce(Object body, String location) {
        return Response.status(Response.Status.CREATED).entity(body).type(MediaType.APPLICATION_JSON)
                .header(HttpHeaders.LOCATION, location).header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    public byte[] serialize(Object body) {
        try {
            return json.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot serialise " + body.getClass().getSimpleName(), e);
        }
    }

    static String etag(Long version, byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            String hash = Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 27);
            return '"' + (version == null ? "" : version + ".") + hash + '"';
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean codingSuffix(String header, int at) {
        return header.startsWith("gz", at) || header.startsWith("br", at);
    }

    /** RFC 9110 13.1.2 and 13.1.3: If-None-Match (weak comparison) wins over If-Modified-Since. */
    static boolean notModified(String ifNoneMatch, String ifModifiedSince, String etag, Instant lastModified) {
        if (ifNoneMatch != null) {
            return matchesAny(ifNoneMatch, etag);
        }
        if (ifModifiedSince != null && lastModified != null) {
            try {
                Instant since = ZonedDateTime.parse(ifModifiedSince.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                return !lastModified.isAfter(since);
            } catch (DateTimeParseException e) {
                return false; // RFC 9110: an invalid date is ignored
            }
        }
        return false;
    }

    /**
     * Whether a comma-separated If-None-Match list holds {@code *} or this entity-tag, compared weakly
     * (a {@code W/} prefix on either side is ignored; whitespace around each member too). Scans the
     * header in place: it runs for every revalidation, most of them answered from the cache.
     */
    static boolean matchesAny(String header, String etag) {
        int skip = etag.startsWith("W/") ? 2 : 0;
        int length = etag.length() - skip;
        int start = 0;
        while (start <= header.length()) {
            int end = header.indexOf(',', start);
            if (end < 0) {
                end = header.length();
            }
            int from = start;
            int to = end;
            while (from < to && header.charAt(from) <= ' ') { // as String.trim()
                from++;
            }
            while (to > from && header.charAt(to - 1) <= ' ') {
                to--;
            }
            if (to - from == 1 && header.charAt(from) == '*') {
                return true;
            }
            if (header.startsWith("W/", from) && to - from >= 2) {
                from += 2;
            }
            if (length > 0 && to - from == length && header.regionMatches(from, etag, skip, length)) {
                return true;
            }
            // the tag of a content coding of this representation: "<tag>+gz" or "<tag>+br"
            if (length > 1 && to - from == length + 3 && header.charAt(to - 1) == '"' && header.charAt(to - 4) == '+'
                    && header.regionMatches(from, etag, skip, length - 1) && codingSuffix(header, to - 3)) {
                return true;
            }
            start = end + 1;
        }
        return false;
    }

}
