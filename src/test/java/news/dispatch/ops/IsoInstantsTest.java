package news.dispatch.ops;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import org.junit.jupiter.api.Test;

import java.io.StringWriter;
import java.time.Instant;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** The access log's timestamps are what {@link Instant#toString()} gives, whatever the instant. */
class IsoInstantsTest {

    @Test
    void formatsEveryInstantAsInstantToStringDoes() {
        IsoInstants format = new IsoInstants();
        SplittableRandom random = new SplittableRandom(20261203);
        long from = Instant.parse("1970-01-01T00:00:00Z").getEpochSecond();
        long to = Instant.parse("2100-01-01T00:00:00Z").getEpochSecond();
        for (int i = 0; i < 200_000; i++) {
            long second = random.nextLong(from, to);
            // the fraction with 0, 3, 6 and 9 significant digits, each as often
            int nano = switch (i % 4) {
                case 0 -> 0;
                case 1 -> random.nextInt(1, 1000) * 1_000_000;
                case 2 -> random.nextInt(1, 1_000_000) * 1_000;
                default -> random.nextInt(1, 1_000_000_000);
            };
            Instant instant = Instant.ofEpochSecond(second, nano);
            assertThat(format.format(instant)).isEqualTo(instant.toString());
        }
    }

    @Test
    void isRightAcrossSecondsDaysAndYearsInARow() {
        IsoInstants format = new IsoInstants();
        Instant start = Instant.parse("2027-12-31T23:59:58.999999999Z");
        for (long step = 0; step < 5_000; step++) {
            Instant instant = start.plusNanos(step * 777_777L);
            assertThat(format.format(instant)).isEqualTo(instant.toString());
        }
        // leap day, and the same second again after another one
        Instant leap = Instant.parse("2028-02-29T12:00:00.5Z");
        assertThat(format.format(leap)).isEqualTo("2028-02-29T12:00:00.500Z");
        assertThat(format.format(start)).isEqualTo(start.toString());
        assertThat(format.format(leap)).isEqualTo(leap.toString());
    }

    @Test
    void yearsOutsideFourDigitsAreLeftToInstant() {
        IsoInstants format = new IsoInstants();
        for (Instant instant : new Instant[]{Instant.parse("+10000-01-01T00:00:00Z"), Instant.parse("-0001-12-31T23:59:59.1Z"),
                Instant.parse("0000-01-01T00:00:00Z"), Instant.parse("9999-12-31T23:59:59.999999999Z"), Instant.MIN, Instant.MAX}) {
            assertThat(format.format(instant)).isEqualTo(instant.toString());
        }
    }

    @Test
    void writesAJsonString() throws Exception {
        IsoInstants format = new IsoInstants();
        StringWriter out = new StringWriter();
        try (JsonGenerator g = new JsonFactory().createGenerator(out)) {
            g.writeStartArray();
            format.write(Instant.parse("2026-12-03T06:23:59.162267200Z"), g);
            format.write(Instant.parse("+10000-01-01T00:00:00Z"), g);
            g.writeEndArray();
        }
        assertThat(out.toString()).isEqualTo("[\"2026-12-03T06:23:59.162267200Z\",\"+10000-01-01T00:00:00Z\"]");
    }
}
