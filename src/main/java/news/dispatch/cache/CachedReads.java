package news.dispatch.cache;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import news.dispatch.web.Representation;
import news.dispatch.web.Representations;

import java.util.Collection;
import java.util.function.Supplier;

/**
 * A read answered through the application cache: a public request gets the representation {@link ContentCache} holds
 * for it (rendered first when it holds none); a keyed one is rendered each time and never kept. Either way 200 or 304,
 * with the caching headers ({@link Representations#respond}).
 */
@ApplicationScoped
public class CachedReads {

    private final Representations representations;
    private final ContentCache cache;

    public CachedReads(Representations representations, ContentCache cache) {
        this.representations = representations;
        this.cache = cache;
    }

    /** The answer to the request; {@code render} does every database access. */
    public Response respond(HttpHeaders headers, UriInfo uri, Supplier<Representation> render) {
        return representations.respond(headers, cache.get(uri, representations.keyed(headers), render));
    }

    /** A body without a Last-Modified, a version or a Link: revalidated by its ETag, purged by its surrogate keys. */
    public Representation render(Object body, Collection<String> surrogateKeys) {
        return representations.render(body, null, null, null, surrogateKeys);
    }
}
