package news.dispatch.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Base64;

/**
 * Turns a read result into a cacheable response: the JSON bytes, a strong ETag computed from
 * them (so it changes whenever anything the response shows changes), Last-Modified where the
 * resource has one, Cache-Control and Vary, and 304 for a matching If-None-Match or, without
 * one, an If-Modified-Since no older than Last-Modified.
 */
@ApplicationScoped
public class Representations {

    public static final String VARY = "Accept, Accept-Encoding";

    private final ObjectMapper json;
    private final String publicCacheControl;

    public Representations(ObjectMapper json, HttpCacheConfig config) {
        this.json = json;
        this.publicCacheControl = "public, max-age=" + config.maxAge()
                + ", stale-while-revalidate=" + config.staleWhileRevalidate();
    }

    public Response json(HttpHeaders request, Object body, Instant lastModified) {
        return bytes(request, serialize(body), MediaType.APPLICATION_JSON, lastModified, null);
    }

    /** A list page, with an RFC 8288 {@code Link: <...>; rel="next"} when there is a next page. */
    public Response page(HttpHeaders request, UriInfo uri, Page<?> page) {
        Response response = json(request, page, null);
        if (page.page().next() == null) {
            return response;
        }
        String next = uri.getRequestUriBuilder().replaceQueryParam("cursor", page.page().next()).build().toString();
        return Response.fromResponse(response).header("Link", "<" + next + ">; rel=\"next\"").build();
    }

    /**
     * @param version for an editable resource, its version: the ETag then reads
     *                {@code "<version>.<hash>"}, and If-Match on writes compares the version part,
     *                so an edit is refused only when the resource itself changed.
     */
    public Response bytes(HttpHeaders request, byte[] body, String mediaType, Instant lastModified, Long version) {
        String etag = etag(version, body);
        Instant modified = lastModified == null ? null : lastModified.truncatedTo(ChronoUnit.SECONDS);
        Response.ResponseBuilder response = notModified(request.getHeaderString(HttpHeaders.IF_NONE_MATCH),
                request.getHeaderString(HttpHeaders.IF_MODIFIED_SINCE), etag, modified)
                ? Response.notModified()
                : Response.ok(body, mediaType);
        response.header(HttpHeaders.ETAG, etag)
                .header(HttpHeaders.CACHE_CONTROL, publicCacheControl)
                .header(HttpHeaders.VARY, VARY);
        if (modified != null) {
            response.header(HttpHeaders.LAST_MODIFIED, DateTimeFormatter.RFC_1123_DATE_TIME.format(modified.atZone(ZoneOffset.UTC)));
        }
        return response.build();
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

    static boolean matchesAny(String header, String etag) {
        String opaque = opaque(etag);
        for (String candidate : header.split(",")) {
            String c = candidate.trim();
            if (c.equals("*") || opaque(c).equals(opaque)) {
                return true;
            }
        }
        return false;
    }

    private static String opaque(String tag) {
        return tag.startsWith("W/") ? tag.substring(2) : tag;
    }

}
