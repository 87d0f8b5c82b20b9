package news.dispatch.ops;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import news.dispatch.web.problem.DatabaseUnavailable;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToDoubleFunction;

/**
 * Backlog gauges: the change-feed position, what is due but not yet done (scheduled publications, embargo
 * lifts) and the webhook delivery backlog. A scrape never touches the database: a scheduled job reads the
 * figures every {@code dispatch.ops.backlog.every} (a handful of indexed queries, plain JDBC with a query
 * timeout) and the gauges show the latest reading, so {@code /q/metrics} stays fast while the database is
 * down. Ages are computed at scrape time from the oldest item's timestamp. Before the first reading the
 * gauges are NaN; after a failed one they keep the last values and {@code dispatch_backlog_refresh_age_seconds}
 * grows (docs/decisions/076).
 */
@Startup
@ApplicationScoped
public class BacklogMetrics {

    /** The figures of one reading. Oldest timestamps are null when nothing is waiting. */
    record Reading(Instant at, long changeFeedPosition, long scheduledDue, Instant scheduledOldest, long embargoDue,
                   Instant embargoOldest, long webhooksPending, long webhooksRetrying, Instant webhooksOldest,
                   long webhooksFailed, long webhooksQueueLag) {
    }

    static final String SCHEDULED = "scheduled-publication";
    static final String EMBARGO = "embargo-lift";

    private final AgroalDataSource dataSource;
    private final SchemaMigrations schema;
    private final Clock clock;
    private final DueLifts due;
    private final int queryTimeoutSeconds;

    /** Readings are numbered as they start; one that finishes after a later-started one is not published. */
    private final AtomicLong started = new AtomicLong();
    private long publishedTicket;
    private volatile Reading last;
    private volatile boolean failing;

    public BacklogMetrics(MeterRegistry registry, AgroalDataSource dataSource, SchemaMigrations schema, Clock clock,
                          DueLifts due, OpsConfig config) {
        this.dataSource = dataSource;
        this.due = due;
        this.schema = schema;
        this.clock = clock;
        this.queryTimeoutSeconds = (int) Math.max(1, config.backlog().queryTimeout().toSeconds());

        gauge(registry, "dispatch.changes.position", null, "Sequence number of the newest change-feed entry",
                r -> r.changeFeedPosition());
        gauge(registry, "dispatch.due.backlog", SCHEDULED, "Scheduled publications whose time has come but that are not published yet",
                r -> r.scheduledDue());
        gauge(registry, "dispatch.due.backlog", EMBARGO, "Embargoes that have passed but whose lift is not yet in the change feed",
                r -> r.embargoDue());
        age(registry, "dispatch.due.oldest.age", SCHEDULED, "How long the oldest due scheduled publication has been waiting",
                Reading::scheduledOldest);
        age(registry, "dispatch.due.oldest.age", EMBARGO, "How long the oldest due embargo lift has been waiting",
                Reading::embargoOldest);
        Gauge.builder("dispatch.webhooks.deliveries", this, m -> m.read(r -> r.webhooksPending()))
                .description("Webhook deliveries by state: pending (not yet accepted by the receiver, first attempt or retry), "
                        + "retrying (pending after at least one failed attempt), failed (given up after the last attempt)")
                .tag("state", "pending").register(registry);
        Gauge.builder("dispatch.webhooks.deliveries", this, m -> m.read(r -> r.webhooksRetrying()))
                .tag("state", "retrying").register(registry);
        Gauge.builder("dispatch.webhooks.deliveries", this, m -> m.read(r -> r.webhooksFailed()))
                .tag("state", "failed").register(registry);
        Gauge.builder("dispatch.webhooks.oldest.pending.age", this, m -> m.age(Reading::webhooksOldest))
                .description("How long the oldest pending webhook delivery has been waiting since it was queued")
                .baseUnit("seconds").register(registry);
        Gauge.builder("dispatch.webhooks.queue.lag", this, m -> m.read(r -> r.webhooksQueueLag()))
                .description("Change-feed entries not yet queued for the active webhook furthest behind")
                .register(registry);
        Gauge.builder("dispatch.backlog.refresh.age", this, BacklogMetrics::refreshAge)
                .description("Seconds since the backlog gauges were last read from the database")
                .baseUnit("seconds").register(registry);
    }

    @Scheduled(identity = "backlog-metrics", every = "${dispatch.ops.backlog.every:15s}", delayed = "${dispatch.jobs.start-delay}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        refresh();
    }

    /**
     * Reads the figures now; keeps the previous reading when the database cannot answer. A scheduled reading and a
     * direct call can overlap: the gauges then show the one that started last, never an older one finishing late.
     */
    public void refresh() {
        if (!schema.isReady()) {
            return;
        }
        long ticket = ticket();
        try {
            publish(ticket, read(Instant.now(clock)));
            if (failing) {
                Log.info("Backlog metrics are read again");
                failing = false;
            }
        } catch (SQLException | RuntimeException e) {
            if (!failing) {
                Log.warnf("Backlog metrics not read (%s); the gauges keep their last values",
                        DatabaseUnavailable.summary(e));
                failing = true;
            }
        }
    }

    /** Publishes a reading unless one that started later is already shown; true when published. */
    synchronized boolean publish(long ticket, Reading reading) {
        if (ticket < publishedTicket) {
            return false;
        }
        publishedTicket = ticket;
        last = reading;
        return true;
    }

    /** Takes the number of a reading about to start, for {@link #publish}. */
    long ticket() {
        return started.incrementAndGet();
    }

    private Reading read(Instant now) throws SQLException {
        OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
        try (Connection c = dataSource.getConnection()) {
            long position = row(c, "select last_seq from change_counter where id = 1").count();
            Row scheduled = row(c, "select count(*), min(published_at) from article"
                    + " where status = 'scheduled' and deleted_at is null and published_at <= ?", at);
            // The same test as the due-changes job (change/DueChanges): published, embargo passed, no entry since; and
            // only among the embargoes that passed since its last complete run, as it does (every earlier lift is recorded).
            Instant since = due.liftsSince(now);
            Row embargo = row(c, "select count(*), min(a.embargo_until) from article a"
                    + " where a.embargo_until <= ?" + (since == null ? "" : " and a.embargo_until > ?")
                    + " and a.status = 'published' and a.deleted_at is null"
                    + " and (select max(e.at) from change_event e where e.article_id = a.id) < a.embargo_until",
                    since == null ? new OffsetDateTime[] {at} : new OffsetDateTime[] {at, since.atOffset(ZoneOffset.UTC)});
            Row pending = row(c, "select count(*), min(created_at), coalesce(sum(case when attempts > 0 then 1 else 0 end), 0)"
                    + " from webhook_delivery where status = 'pending'");
            long failed = row(c, "select count(*) from webhook_delivery where status = 'failed'").count();
            // The position up to which the active webhook furthest behind has been queued; -1 when there is none.
            long queued = row(c, "select coalesce(min(last_seq), -1) from webhook where active = true").count();
            long lag = queued < 0 ? 0 : Math.max(0, position - queued);
            return new Reading(now, position, scheduled.count(), scheduled.oldest(), embargo.count(), embargo.oldest(),
                    pending.count(), pending.third(), pending.oldest(), failed, lag);
        }
    }

    /** The one row of a query: a number, then optionally the oldest timestamp and another number. */
    private record Row(long count, Instant oldest, long third) {
    }

    private Row row(Connection c, String sql, OffsetDateTime... parameters) throws SQLException {
        try (PreparedStatement statement = c.prepareStatement(sql)) {
            statement.setQueryTimeout(queryTimeoutSeconds);
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = statement.executeQuery()) {
                rs.next();
                int columns = rs.getMetaData().getColumnCount();
                OffsetDateTime oldest = columns > 1 ? rs.getObject(2, OffsetDateTime.class) : null;
                return new Row(rs.getLong(1), oldest == null ? null : oldest.toInstant(), columns > 2 ? rs.getLong(3) : 0);
            }
        }
    }

    private void gauge(MeterRegistry registry, String name, String kind, String description, ToDoubleFunction<Reading> value) {
        Gauge.Builder<BacklogMetrics> builder = Gauge.builder(name, this, m -> m.read(value)).description(description);
        if (kind != null) {
            builder.tag("kind", kind);
        }
        builder.register(registry);
    }

    private void age(MeterRegistry registry, String name, String kind, String description,
                     java.util.function.Function<Reading, Instant> oldest) {
        Gauge.builder(name, this, m -> m.age(oldest)).description(description).tag("kind", kind).baseUnit("seconds")
                .register(registry);
    }

    private double read(ToDoubleFunction<Reading> value) {
        Reading r = last;
        return r == null ? Double.NaN : value.applyAsDouble(r);
    }

    /** Seconds from the oldest waiting item to now, 0 when nothing waits. */
    private double age(java.util.function.Function<Reading, Instant> oldest) {
        Reading r = last;
        if (r == null) {
            return Double.NaN;
        }
        Instant since = oldest.apply(r);
        return since == null ? 0 : Math.max(0, Duration.between(since, Instant.now(clock)).toMillis() / 1000.0);
    }

    private double refreshAge() {
        Reading r = last;
        return r == null ? Double.NaN : Math.max(0, Duration.between(r.at(), Instant.now(clock)).toMillis() / 1000.0);
    }
}
