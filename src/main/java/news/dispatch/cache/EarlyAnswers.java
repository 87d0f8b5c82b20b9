package news.dispatch.cache;

import io.vertx.core.http.HttpServerRequest;

/**
 * Answers kept outside the application cache that {@link CachedAnswers} gives on the event loop as it gives the
 * cache's own, with the same checks (anonymous GET, public reading on, schema ready, the client's rate limit): a
 * feature's immutable answers (image renditions, decision 170). Each is an {@link ContentCache.Entry} made once with
 * {@link ContentCache#entry}.
 */
public interface EarlyAnswers {

    /** The answer to this anonymous GET, ready to send, or null to leave the request to the REST layer. */
    ContentCache.Entry find(HttpServerRequest request);

    /** Whether this {@code Accept} surely chooses the answer's media type (else the REST layer decides). */
    default boolean acceptable(String accept, String mediaType) {
        return CachedAnswers.acceptable(accept, mediaType);
    }
}
