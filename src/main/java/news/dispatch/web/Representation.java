package news.dispatch.web;

import java.time.Instant;
import java.util.Set;

/**
 * A rendered GET response before conditional-request handling: what the application cache keeps,
 * so a cached answer needs neither the database nor serialisation.
 *
 * @param etag          strong validator, {@code "<hash>"} or {@code "<version>.<hash>"}
 * @param lastModified  latest change among what the body shows, null where there is no reliable one
 * @param link          RFC 8288 Link header value (next page), or null
 * @param surrogateKeys CDN purge keys of everything the body shows
 * @param cacheControl  the Cache-Control of a public answer, or null for the usual public max-age
 */
public record Representation(byte[] body, String mediaType, String etag, Instant lastModified, String link,
                             Set<String> surrogateKeys, String cacheControl) {

    public Representation(byte[] body, String mediaType, String etag, Instant lastModified, String link,
                          Set<String> surrogateKeys) {
        this(body, mediaType, etag, lastModified, link, surrogateKeys, null);
    }

    /** The same answer with another Cache-Control (a resource whose position moves on: private, no-cache). */
    public Representation withCacheControl(String value) {
        return new Representation(body, mediaType, etag, lastModified, link, surrogateKeys, value);
    }
}
