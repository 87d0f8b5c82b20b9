package news.dispatch.testsupport;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ArcContainer;
import jakarta.inject.Singleton;
import news.dispatch.change.DueChanges;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * The application's clock in tests: real time plus an offset a test may move forward (scheduling,
 * embargoes). Replaces the default Clock bean. Tests that move it put it back with {@link #reset()}.
 * The offset is static so tests may use it with or without injecting the bean.
 */
@Singleton
public class TestClock extends Clock {

    private static volatile Duration offset = Duration.ZERO;

    public static synchronized void advance(Duration by) {
        offset = offset.plus(by);
    }

    /**
     * Back to real time. The due-changes job assumes time only moves forward (it looks for embargo lifts since its
     * last complete run), so it is told to look at every embargo again.
     */
    public static void reset() {
        offset = Duration.ZERO;
        ArcContainer container = Arc.container();
        if (container != null && container.isRunning()) {
            container.instance(DueChanges.class).get().lookAtEveryEmbargo();
        }
    }

    /** The tests' "now". */
    public static Instant now() {
        return Instant.now().plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.offset(Clock.system(zone), offset);
    }

    @Override
    public Instant instant() {
        return now().truncatedTo(ChronoUnit.SECONDS); // ticks in whole seconds, as the application's clock does
    }
}
