package news.dispatch.common;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.ZoneOffset;

/**
 * The one source of "now", so tests can move time (scheduling, embargoes). It ticks in whole seconds,
 * the precision of every stored and shown time (decision 111).
 */
@ApplicationScoped
public class ClockProducer {

    @Produces
    @Singleton
    @DefaultBean
    Clock clock() {
        return Clock.tickSeconds(ZoneOffset.UTC);
    }
}
