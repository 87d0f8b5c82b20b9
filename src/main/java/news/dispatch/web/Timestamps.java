package news.dispatch.web;

import java.time.Instant;

/**
 * The times the API accepts, in bodies, query parameters and cursors: years 0001 to 9999, what
 * RFC 3339 can write and both databases store (a later year made PostgreSQL fail with SQLSTATE
 * 22008, a 500).
 */
public final class Timestamps {

    public static final Instant MIN = Instant.parse("0001-01-01T00:00:00Z");
    public static final Instant MAX = Instant.parse("9999-12-31T23:59:59.999999Z");
    public static final String OUT_OF_RANGE = "must be between 0001-01-01T00:00:00Z and 9999-12-31T23:59:59Z";

    private Timestamps() {
    }

    public static boolean storable(Instant at) {
        return !at.isBefore(MIN) && !at.isAfter(MAX);
    }
}
