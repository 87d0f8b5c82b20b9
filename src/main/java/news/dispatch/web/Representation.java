package news.dispatch.web;

import java.time.Instant;

/**
 * A rendered GET response before conditional-request handling: what the application cache keeps,
 * so a cached answer needs neither the database nor serialisation, nor compression: each content coding of
 * the body is made once, when first asked for, and kept with it ({@link #encoded}).
 *
 * @param body          the body, uncompressed
 * @param etag          strong validator of the uncompressed body, {@code "<hash>"} or {@code "<version>.<hash>"};
 *                      each coding has its own ({@link ContentCoding#etag})
 * @param lastModified  latest change among what the body shows, null where there is no reliable one
 * @param link          RFC 8288 Link header value (next page), or null
 * @param surrogateKey  the Surrogate-Key header value: the purge keys of everything the body shows, separated by
 *                      spaces, or null. The application cache invalidates by the same keys. Kept joined, as it is
 *                      sent: a set of the keys held by every cached answer took a quarter more heap than the cache's
 *                      own estimate of its size (docs/benchmarks.md, finding 19)
 * @param cacheControl  the Cache-Control of a public answer, or null for the usual public max-age
 * @param language      the Content-Language: the language of an article, or of a list or feed restricted to one
 *                      ({@code lang=}); null for answers in several languages or none
 * @param encodings     the compressed bodies made so far (shared by copies that differ in their headers only)
 */
public record Representation(byte[] body, String mediaType, String etag, Instant lastModified, String link,
                             String surrogateKey, String cacheControl, String language, Encodings encodings) {

    public Representation(byte[] body, String mediaType, String etag, Instant lastModified, String link,
                          String surrogateKey) {
        this(body, mediaType, etag, lastModified, link, surrogateKey, null, null, new Encodings());
    }

    /** The same answer with another Cache-Control (a resource whose position moves on: private, no-cache). */
    public Representation withCacheControl(String value) {
        return new Representation(body, mediaType, etag, lastModified, link, surrogateKey, value, language, encodings);
    }

    /** The same answer, said to be in this language ({@code Content-Language}); null: no single language. */
    public Representation withLanguage(String value) {
        return new Representation(body, mediaType, etag, lastModified, link, surrogateKey, cacheControl, value, encodings);
    }

    /**
     * The coding this representation is sent in for a client that accepts {@code preferred}: identity for
     * short bodies and for media types that do not compress.
     */
    public ContentCoding coding(ContentCoding preferred) {
        if (preferred == ContentCoding.IDENTITY || body.length < ContentCoding.MIN_LENGTH || !compressible(mediaType)) {
            return ContentCoding.IDENTITY;
        }
        return preferred;
    }

    /** The body in a coding, compressed on first use and kept (two threads may both compress it once; either result is right). */
    public byte[] encoded(ContentCoding coding) {
        return switch (coding) {
            case IDENTITY -> body;
            case GZIP -> {
                byte[] gzip = encodings.gzip;
                if (gzip == null) {
                    gzip = ContentCoding.GZIP.encode(body);
                    encodings.gzip = gzip;
                }
                yield gzip;
            }
            case BROTLI -> {
                byte[] brotli = encodings.brotli;
                if (brotli == null) {
                    brotli = ContentCoding.BROTLI.encode(body);
                    encodings.brotli = brotli;
                }
                yield brotli;
            }
        };
    }

    /** Text formats compress; images and other binary bodies do not. */
    static boolean compressible(String mediaType) {
        return mediaType.startsWith("application/") || mediaType.startsWith("text/");
    }

    /** The compressed bodies of a representation, made when first asked for. */
    public static final class Encodings {
        volatile byte[] gzip;
        volatile byte[] brotli;
    }
}
