package news.dispatch.web;

import com.aayushatharva.brotli4j.Brotli4jLoader;
import com.aayushatharva.brotli4j.encoder.Encoder;
import org.jboss.logging.Logger;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.zip.Deflater;
import java.util.zip.GZIPOutputStream;

/**
 * The content codings a representation is sent in (RFC 9110 8.4): Brotli, gzip or none, chosen from the
 * request's {@code Accept-Encoding}, and the compressors that make them. A representation is compressed once
 * per coding and kept so ({@link Representation#encoded}); a cache hit writes the stored bytes
 * (docs/decisions/085-compressed-representations.md).
 * <p>
 * Each coding has its own strong ETag: the identity ETag with {@code +gz} or {@code +br} before the closing
 * quote. Comparisons ({@code If-None-Match}, {@code If-Match}) take any coding's tag for the representation.
 */
public enum ContentCoding {
    IDENTITY(null, ""),
    GZIP("gzip", "+gz"),
    BROTLI("br", "+br");

    private static final Logger LOG = Logger.getLogger(ContentCoding.class);

    /** Bodies shorter than this go uncompressed: the coding's framing would eat what it saves. */
    public static final int MIN_LENGTH = 256;

    /** Brotli quality 5 of 11: better than gzip 6 on JSON at about the same speed (decision 085). */
    private static final int BROTLI_QUALITY = 5;

    private final String token;
    private final String etagSuffix;

    ContentCoding(String token, String etagSuffix) {
        this.token = token;
        this.etagSuffix = etagSuffix;
    }

    /** The {@code Content-Encoding} value, null for identity. */
    public String token() {
        return token;
    }

    /** The ETag of this coding of a representation whose identity ETag is {@code etag} ({@code "..."}). */
    public String etag(String etag) {
        if (this == IDENTITY || etag == null || etag.length() < 2) {
            return etag;
        }
        return etag.substring(0, etag.length() - 1) + etagSuffix + '"';
    }

    /** Whether Brotli can be made here (its native library loads on this platform); checked once. */
    public static boolean brotliAvailable() {
        return Brotli.AVAILABLE;
    }

    /** Loads the native Brotli library on first use. */
    private static final class Brotli {
        static final boolean AVAILABLE = load();

        private static boolean load() {
            try {
                Brotli4jLoader.ensureAvailability();
                return true;
            } catch (Throwable e) {
                LOG.warnf("Brotli is not available on this platform (%s): answers are compressed with gzip only", e.toString());
                return false;
            }
        }
    }

    /**
     * The coding to send for this {@code Accept-Encoding}: Brotli when the client takes it (and Brotli is
     * available), else gzip when it takes that, else identity. Quality values are honoured ({@code q=0}
     * refuses a coding, {@code *} stands for those not named); between equal ones Brotli wins, as it is smaller.
     * Identity is always acceptable here: a representation refused in every coding is still sent as it is
     * (RFC 9110 12.5.3 allows that rather than a 406).
     */
    public static ContentCoding negotiate(String acceptEncoding) {
        if (acceptEncoding == null || acceptEncoding.isEmpty()) {
            return IDENTITY;
        }
        int br = -1;
        int gzip = -1;
        int any = -1;
        int length = acceptEncoding.length();
        int start = 0;
        while (start < length) {
            int end = acceptEncoding.indexOf(',', start);
            if (end < 0) {
                end = length;
            }
            int semicolon = acceptEncoding.indexOf(';', start);
            int nameEnd = semicolon >= 0 && semicolon < end ? semicolon : end;
            int from = start;
            int to = nameEnd;
            while (from < to && acceptEncoding.charAt(from) <= ' ') {
                from++;
            }
            while (to > from && acceptEncoding.charAt(to - 1) <= ' ') {
                to--;
            }
            int q = nameEnd < end ? quality(acceptEncoding, nameEnd + 1, end) : 1000;
            if (regionIs(acceptEncoding, from, to, "br")) {
                br = q;
            } else if (regionIs(acceptEncoding, from, to, "gzip") || regionIs(acceptEncoding, from, to, "x-gzip")) {
                gzip = Math.max(gzip, q);
            } else if (regionIs(acceptEncoding, from, to, "*")) {
                any = q;
            }
            start = end + 1;
        }
        if (br < 0) {
            br = any;
        }
        if (gzip < 0) {
            gzip = any;
        }
        if (br > 0 && br >= gzip && brotliAvailable()) {
            return BROTLI;
        }
        if (gzip > 0) {
            return GZIP;
        }
        return IDENTITY;
    }

    private static boolean regionIs(String s, int from, int to, String name) {
        return to - from == name.length() && s.regionMatches(true, from, name, 0, name.length());
    }

    /** The q parameter in thousandths (RFC 9110 12.4.2); 1000 when absent, 0 when unreadable. */
    private static int quality(String s, int from, int to) {
        int at = from;
        while (at < to) {
            int next = s.indexOf(';', at);
            if (next < 0 || next > to) {
                next = to;
            }
            int f = at;
            while (f < next && s.charAt(f) <= ' ') {
                f++;
            }
            if (next - f >= 2 && (s.charAt(f) == 'q' || s.charAt(f) == 'Q') && s.charAt(f + 1) == '=') {
                return parseQ(s.substring(f + 2, next).trim());
            }
            at = next + 1;
        }
        return 1000;
    }

    static int parseQ(String value) {
        try {
            double q = Double.parseDouble(value);
            if (!(q >= 0) || q > 1) {
                return 0;
            }
            return (int) Math.round(q * 1000);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** The body in this coding. */
    public byte[] encode(byte[] body) {
        return switch (this) {
            case IDENTITY -> body;
            case GZIP -> gzip(body);
            case BROTLI -> brotli(body);
        };
    }

    private static byte[] gzip(byte[] body) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length / 4 + 64);
        try (GZIPOutputStream gz = new GZIPOutputStream(out, 8192) {
            {
                def.setLevel(Deflater.DEFAULT_COMPRESSION);
            }
        }) {
            gz.write(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static byte[] brotli(byte[] body) {
        if (!brotliAvailable()) {
            throw new IllegalStateException("Brotli is not available on this platform");
        }
        try {
            return Encoder.compress(body, new Encoder.Parameters().setQuality(BROTLI_QUALITY));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
