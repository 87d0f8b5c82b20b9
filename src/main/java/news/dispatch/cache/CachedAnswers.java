package news.dispatch.cache;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.util.AsciiString;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import news.dispatch.access.AccessConfig;
import news.dispatch.access.AccessFilter;
import news.dispatch.access.ClientAddress;
import news.dispatch.access.RateLimiter;
import news.dispatch.ops.SchemaMigrations;
import news.dispatch.ops.UnmatchedRoutes;
import news.dispatch.web.ContentCoding;
import news.dispatch.web.CanonicalRequest;
import news.dispatch.web.FrontDoor;
import news.dispatch.web.Representation;
import news.dispatch.web.Representations;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Answers an anonymous GET that the application cache already holds on the HTTP event loop, before
 * the request reaches the REST layer: the same bytes and headers that the operation's own cache hit
 * would send, for a fraction of the CPU (docs/decisions/065-cached-answers-before-the-rest-layer.md).
 * <p>
 * Only requests whose answer cannot depend on anything but the URL are answered here; everything
 * else goes on to the REST layer unchanged:
 * <ul>
 *   <li>GET only, with no {@code Authorization} header and no {@code apiKey} parameter (keyed
 *       requests are never served from the cache anyway), and no {@code preview} parameter (previews are never
 *       cached, decision 152);</li>
 *   <li>no {@code Accept}, {@code *}{@code /*} or exactly the cached media type (another Accept may
 *       choose another representation of the same URL, such as ninjs, or be a 406);</li>
 *   <li>the schema is migrated and anonymous reading is on (otherwise the REST layer answers
 *       503 or 401);</li>
 *   <li>the exact path and query have a cached answer of the current generation. An entry exists
 *       only after the operation computed it for an anonymous caller, so the request already passed
 *       every check that depends on the URL (parameters, NUL characters, route matching);</li>
 *   <li>the client address's rate limit is not used up (a request over the limit goes on and gets
 *       its 429 from the access filter).</li>
 * </ul>
 * Feature caches of immutable answers ({@link EarlyAnswers}: image renditions) are answered the same way when the
 * application cache has nothing for the request.
 * <p>
 * The request id, access log, security headers, CORS and body-size handlers run before this one as
 * for every request; the route template is set so metrics and the access log name the operation.
 * <p>
 * With counters shared in Redis (docs/decisions/089) the event loop does not wait for them: the entry found is
 * answered, or the request handed on, when Redis' count arrives.
 */
@Singleton
public class CachedAnswers implements FrontDoor.Step {

    private static final CharSequence CONTENT_TYPE = AsciiString.cached("Content-Type");
    private static final CharSequence CONTENT_ENCODING = AsciiString.cached("Content-Encoding");
    private static final CharSequence ACCEPT_ENCODING = AsciiString.cached("Accept-Encoding");
    private static final CharSequence ETAG = AsciiString.cached("ETag");

    private final ContentCache cache;
    private final RateLimiter limiter;
    private final ClientAddress clients;
    private final AccessConfig access;
    private final SchemaMigrations schema;
    private final Set<String> compressible;
    private final Counter answered;
    private final Provider<FrontDoor> door;
    private final EarlyAnswers[] sources;

    public CachedAnswers(ContentCache cache, RateLimiter limiter, ClientAddress clients, AccessConfig access,
                         SchemaMigrations schema, MeterRegistry registry, Provider<FrontDoor> door,
                         jakarta.enterprise.inject.Instance<EarlyAnswers> sources,
                         @ConfigProperty(name = "quarkus.http.enable-compression") boolean compression,
                         @ConfigProperty(name = "quarkus.http.compress-media-types") List<String> compressMediaTypes) {
        this.cache = cache;
        this.limiter = limiter;
        this.clients = clients;
        this.access = access;
        this.schema = schema;
        this.door = door;
        this.sources = sources.stream().toArray(EarlyAnswers[]::new);
        this.compressible = compression
                ? compressMediaTypes.stream().map(t -> t.trim().toLowerCase(Locale.ROOT)).collect(Collectors.toSet())
                : Set.of();
        this.answered = Counter.builder("dispatch.cache.early.answers")
                .description("Answers given from the application cache before the REST layer")
                .register(registry);
    }

    @Override
    public int order() {
        return 100;
    }

    @Override
    public boolean handle(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        if (request.method() != HttpMethod.GET || request.getHeader("Authorization") != null
                || !access.publicRead() || !schema.isReady()) {
            return false;
        }
        String query = request.query();
        // A preview (decision 152) is never cached; a request for one goes on to its operation whatever the cache holds.
        if (query != null && (hasParam(query, "apiKey") || hasParam(query, "preview"))) {
            return false;
        }
        ContentCache.Entry entry = find(ctx, request);
        if (entry == null) {
            return false;
        }
        String bucket = clients.bucket(request);
        int limit = access.rateLimit().anonymous();
        if (limiter.shared()) {
            limiter.takeAsync(bucket, limit).subscribe().with(outcome -> {
                if (ctx.response().closed()) {
                    return;
                }
                if (outcome.allowed()) {
                    answer(ctx, entry, outcome);
                } else {
                    door.get().resume(ctx, this);
                }
            });
            return true;
        }
        RateLimiter.Outcome outcome = limiter.take(bucket, limit);
        if (!outcome.allowed()) {
            return false;
        }
        answer(ctx, entry, outcome);
        return true;
    }

    /** The cached answer, or an early source's, when the request's Accept surely chooses it; else null. */
    private ContentCache.Entry find(RoutingContext ctx, HttpServerRequest request) {
        ContentCache.Entry entry = cache.read(CanonicalRequest.of(ctx));
        if (entry != null) {
            return acceptable(request.getHeader("Accept"), entry.representation().mediaType()) ? entry : null;
        }
        for (EarlyAnswers source : sources) {
            entry = source.find(request);
            if (entry != null) {
                return source.acceptable(request.getHeader("Accept"), entry.representation().mediaType()) ? entry : null;
            }
        }
        return null;
    }

    private void answer(RoutingContext ctx, ContentCache.Entry entry, RateLimiter.Outcome outcome) {
        Representation r = entry.representation();
        HttpServerRequest request = ctx.request();
        var response = ctx.response();
        UnmatchedRoutes.set(ctx, entry.route());
        ContentCoding coding = r.coding(ContentCoding.negotiate(request.getHeader(ACCEPT_ENCODING)));
        boolean notModified = Representations.notModified(request.getHeader("If-None-Match"),
                request.getHeader("If-Modified-Since"), r);
        response.putHeader(ETAG, entry.etag(coding));
        for (ContentCache.Header header : notModified ? entry.notModifiedHeaders() : entry.headers()) {
            response.putHeader(header.name(), header.value());
        }
        AccessFilter.rateHeaders(outcome, response.headers()::set);
        answered.increment();
        if (notModified) {
            response.setStatusCode(304).end();
            return;
        }
        response.putHeader(CONTENT_TYPE, entry.contentType());
        if (coding.token() != null) {
            // the stored bytes of that coding; the server's compressor passes a body with a Content-Encoding through
            response.putHeader(CONTENT_ENCODING, coding == ContentCoding.BROTLI ? HttpHeaderValues.BR : HttpHeaderValues.GZIP);
        } else if (compressible.contains(baseType(r.mediaType()))) {
            response.headers().remove(CONTENT_ENCODING); // as the REST layer does: the server may compress it
        } else {
            // as the REST layer does for a type that does not compress (an image): the server's compressor leaves it
            // alone (and drops this header); it would gzip a WebP otherwise, on every request, into more bytes
            response.putHeader(CONTENT_ENCODING, HttpHeaderValues.IDENTITY);
        }
        // Wrapped, not copied (Buffer.buffer(byte[]) would copy the body into a new heap buffer on every hit);
        // the cached bytes are never written to, and Vert.x hands Netty an unreleasable view of them.
        response.end(Buffer.buffer(Unpooled.wrappedBuffer(r.encoded(coding))));
    }

    /** Whether this Accept surely chooses the cached representation (anything else is the REST layer's to decide). */
    public static boolean acceptable(String accept, String mediaType) {
        if (accept == null) {
            return true;
        }
        String a = accept.trim();
        return a.equals("*/*") || a.equalsIgnoreCase(mediaType);
    }

    /** Whether the query holds the parameter (with or without a value); a name only ends a parameter's name. */
    static boolean hasParam(String query, String name) {
        int length = name.length();
        int at = query.indexOf(name);
        while (at >= 0) {
            if ((at == 0 || query.charAt(at - 1) == '&') && (at + length == query.length() || query.charAt(at + length) == '='
                    || query.charAt(at + length) == '&')) {
                return true;
            }
            at = query.indexOf(name, at + 1);
        }
        return false;
    }

    private static String baseType(String mediaType) {
        int semicolon = mediaType.indexOf(';');
        return (semicolon < 0 ? mediaType : mediaType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }
}
