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

        /**
         * {@code log}: through the logging system like any other line (its format, level and handlers);
         * {@code json-lines}: JSON lines of the same shape written straight to standard output in batches
         * by one thread, for production under load ({@link AccessLogWriter}).
         */
        @WithDefault("log")
        Format format();

        /** json-lines: lines waiting to be written; a request waits when it is full. */
        @WithDefault("4096")
        int queue();

        /** json-lines: how long the writer sleeps when it finds nothing to write (the longest delay of a line). */
        @WithDefault("20MS")
        Duration flushInterval();

        enum Format {
            LOG, JSON_LINES
        }
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
