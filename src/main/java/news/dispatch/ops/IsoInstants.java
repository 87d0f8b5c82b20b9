package news.dispatch.ops;

import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

/**
 * Writes instants exactly as {@link Instant#toString()} does ({@code 2026-12-03T06:23:59.162267200Z}:
 * ISO-8601 in UTC, the fraction in groups of three digits, none when it is zero), for the access-log
 * writer's timestamps. The date and time of day are formatted once per second and the fraction is
 * appended: {@code Instant.toString()} went through a {@code DateTimeFormatter} for every line.
 * Years outside 0000–9999 (never in a log) take {@code toString()}. Not thread-safe: one per writer.
 */
final class IsoInstants {

    private static final int PREFIX = "2026-12-03T06:23:59".length();

    private final char[] text = new char[PREFIX + 1 + 9 + 1];
    private long second = Long.MIN_VALUE;

    /** The instant as {@link Instant#toString()} gives it. */
    String format(Instant instant) {
        if (!cacheable(instant)) {
            return instant.toString();
        }
        return new String(text, 0, fill(instant));
    }

    /** Writes the instant as a JSON string value. */
    void write(Instant instant, JsonGenerator g) throws IOException {
        if (!cacheable(instant)) {
            g.writeString(instant.toString());
            return;
        }
        g.writeString(text, 0, fill(instant));
    }

    private static boolean cacheable(Instant instant) {
        // 0000-01-01T00:00:00Z to 9999-12-31T23:59:59Z: a four-digit year with no sign
        return instant.getEpochSecond() >= -62_167_219_200L && instant.getEpochSecond() <= 253_402_300_799L;
    }

    /** Fills {@link #text} with the instant and returns its length. */
    private int fill(Instant instant) {
        long epochSecond = instant.getEpochSecond();
        if (epochSecond != second) {
            ZonedDateTime t = instant.atZone(ZoneOffset.UTC);
            digits(t.getYear(), 0, 4);
            text[4] = '-';
            digits(t.getMonthValue(), 5, 2);
            text[7] = '-';
            digits(t.getDayOfMonth(), 8, 2);
            text[10] = 'T';
            digits(t.getHour(), 11, 2);
            text[13] = ':';
            digits(t.getMinute(), 14, 2);
            text[16] = ':';
            digits(t.getSecond(), 17, 2);
            second = epochSecond;
        }
        int nano = instant.getNano();
        int length = PREFIX;
        if (nano != 0) {
            text[length++] = '.';
            int width;
            if (nano % 1_000_000 == 0) {
                nano /= 1_000_000;
                width = 3;
            } else if (nano % 1_000 == 0) {
                nano /= 1_000;
                width = 6;
            } else {
                width = 9;
            }
            digits(nano, length, width);
            length += width;
        }
        text[length++] = 'Z';
        return length;
    }

    private void digits(int value, int at, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            text[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }
}
