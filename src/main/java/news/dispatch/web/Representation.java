package news.dispatch.web;

import java.time.Instant;

/**
 * A rendered GET response before conditional-request handling: what the application cache keeps,
 * so a cached answer needs neither the database nor serialisation.
 *
 * @param etag          strong validator, {@code "<hash>"} or {@code "<version>.<hash>"}
 * @param lastModified  latest change among what the body shows, null where there is no reliable one
 * @param link          RFC 8288 Link header value (next page), or null
 * @param surrogateKey  the Surrogate-Key header value: the CDN purge keys of everything the body shows, separated by
 *                      spaces, or null. Kept joined, as it is sent: a set of the keys held by every cached answer took
 *                      a quarter more heap than the cache's own estimate of its size (docs/benchmarks.md, finding 19)
 * @param cacheControl  the Cache-Control of a public answer, or null for the usual public max-age
 */
public record Representation(byte[] body, String mediaType, String etag, Instant lastModified, String link,
                             String surrogateKey, String cacheControl) {

    public Representation(byte[] body, String mediaType, String etag, Instant lastModified, String link,
                          String surrogateKey) {
        this(body, mediaType, etag, lastModified, link, surrogateKey, null);
    }

    /** The same answer with another Cache-Control (a resource whose position moves on: private, no-cache). */
    public Representation withCacheControl(String value) {
        return new Representation(body, mediaType, etag, lastModified, link, surrogateKey, value);
    }
}
