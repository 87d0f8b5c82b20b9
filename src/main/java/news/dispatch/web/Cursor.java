package news.dispatch.web;

import news.dispatch.web.problem.ProblemException;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * An opaque keyset cursor: the list's order plus the sort key and tie-breaking id of the last
 * item seen. Clients treat it as an opaque string; a cursor of one order is refused by another.
 */
public record Cursor(String order, String key, String id) {

    private static final String VERSION = "c1";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    public String encode() {
        return VERSION + "." + part(order) + "." + part(key) + "." + part(id);
    }

    /** Decodes a cursor for the given order, or answers 400 on the {@code cursor} parameter. */
    public static Cursor decode(String value, String expectedOrder) {
        String[] parts = value.split("\\.", -1);
        if (parts.length != 4 || !VERSION.equals(parts[0])) {
            throw invalid("is not a cursor this API issued");
        }
        String order;
        String key;
        String id;
        try {
            order = unpart(parts[1]);
            key = unpart(parts[2]);
            id = unpart(parts[3]);
        } catch (IllegalArgumentException e) {
            throw invalid("is not a cursor this API issued");
        }
        if (id.isEmpty()) {
            throw invalid("is not a cursor this API issued");
        }
        if (!order.equals(expectedOrder)) {
            throw invalid("belongs to another sort order; start again without a cursor");
        }
        Cursor cursor = new Cursor(order, key, id);
        if (!cursor.encode().equals(value)) {
            // Base64 has several spellings of the same bytes; only the issued one is accepted, so that a cursor
            // names one cache entry (docs/decisions/120).
            throw invalid("is not a cursor this API issued");
        }
        return cursor;
    }

    private static String part(String s) {
        return ENCODER.encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    private static String unpart(String s) {
        return new String(DECODER.decode(s), StandardCharsets.UTF_8);
    }

    private static ProblemException invalid(String message) {
        return ProblemException.invalid("cursor", message);
    }
}
