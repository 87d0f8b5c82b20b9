package news.dispatch.ops;

import org.junit.jupiter.api.Test;

import java.util.Locale;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** The access line's duration reads as the JDK's {@code %.1f} of the milliseconds would. */
class AccessLogDurationTest {

    @Test
    void formatsMillisecondsWithOneDecimalLikeTheJdk() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 200_000; i++) {
            // durations up to 100 s, with many near the rounding edges of a tenth of a millisecond
            long nanos = i % 2 == 0 ? random.nextLong(100_000_000_000L) : random.nextLong(2_000) * 100_000 + 49_999 + random.nextLong(3);
            assertThat(AccessLog.milliseconds(nanos))
                    .as("%d ns", nanos)
                    .isEqualTo(String.format(Locale.ROOT, "%.1f", nanos / 1_000_000.0));
        }
    }

    @Test
    void readsSmallAndWholeDurations() {
        assertThat(AccessLog.milliseconds(0)).isEqualTo("0.0");
        assertThat(AccessLog.milliseconds(49_999)).isEqualTo("0.0");
        assertThat(AccessLog.milliseconds(50_000)).isEqualTo("0.1");
        assertThat(AccessLog.milliseconds(12_000_000)).isEqualTo("12.0");
        assertThat(AccessLog.milliseconds(-5)).isEqualTo("0.0");
    }
}
