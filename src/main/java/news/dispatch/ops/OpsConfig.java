package news.dispatch.ops;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** Operational settings: schema migration retries, the access log and the backlog gauges (docs/operations.md). */
@ConfigMapping(prefix = "dispatch.ops")
public interface OpsConfig {

    Migrations migrations();

    AccessLog accessLog();

    Backlog backlog();

    interface Migrations {

        /** First wait before retrying migrations when the database was unreachable at start; doubles each time. */
        @WithDefault("1S")
        Duration retryInitial();

        /** Longest wait between two migration attempts. */
        @WithDefault("30S")
        Duration retryMax();
    }

    interface AccessLog {

        /** One line per request (category {@code dispatch.access}); health probes and metric scrapes are left out. */
        @WithDefault("true")
        boolean enabled();
    }

    interface Backlog {

        /** How often the backlog gauges are read from the database ({@code off} disables it; scrapes never query). */
        @WithDefault("15s")
        String every();

        /** Longest time one of the gauge queries may run. */
        @WithDefault("5S")
        Duration queryTimeout();
    }
}
