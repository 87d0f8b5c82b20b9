package news.dispatch.replica;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.agroal.runtime.AgroalDataSourceUtil;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import news.dispatch.common.ReadReplica;
import news.dispatch.ops.SchemaReady;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Watches the read replica (docs/decisions/093-read-replicas.md): every {@code dispatch.db.replica.probe-every} it
 * reads the primary's WAL position ({@code pg_current_wal_lsn()}), then the replica's replay position
 * ({@code pg_last_wal_replay_lsn()}), and keeps the primary's positions of the last seconds, so the replica's lag is
 * the age of the newest primary position it has replayed (0 when it has replayed the newest): an upper bound, to
 * within the probe interval. The replica serves reads while it answers, is in recovery and lags at most
 * {@code max-lag}.
 * <p>
 * Writes: each write this instance learns of (its own after commit, another instance's by its notification) takes a
 * ticket before the answers it touched are dropped; a position of the primary read after a ticket was taken covers
 * that write. Until the replica has replayed such a position, the replica serves no read, so no dropped answer is
 * computed again from a replica that has not replayed the write.
 */
@Singleton
public class ReplicaMonitor {

    private static final Logger LOG = Logger.getLogger(ReplicaMonitor.class);
    /** The datasource name of the replica. */
    public static final String DATASOURCE = "replica";
    /** How often the positions are read while a write waits to be replayed. */
    private static final long CATCH_UP_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

    /** What the replica is doing for us. */
    public enum State {
        /** No replica configured: the primary serves every read. */
        NOT_CONFIGURED,
        /** Not checked yet. */
        STARTING,
        /** Serves public and partner reads. */
        IN_USE,
        /** Further behind than max-lag (or its lag is unknown): bypassed. */
        LAGGING,
        /** Does not answer: bypassed. */
        UNREACHABLE,
        /** Answers but is not in recovery (promoted, or not a replica): bypassed. */
        NOT_A_REPLICA,
        /** The primary's position cannot be read, so the lag is unknown: bypassed. */
        PRIMARY_UNREACHABLE;

        public String value() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** The result of the last check. {@code lagNanos} is negative when unknown. */
    public record Status(State state, long lagNanos, long replayLsn, long checkedAtNanos, String problem) {

        public double lagSeconds() {
            return lagNanos < 0 ? Double.NaN : lagNanos / 1e9;
        }
    }

    /** A primary position, when it was read, and the newest write ticket taken before it was read. */
    private record Sample(long nanos, long lsn, long ticket) {
    }

    /** A purge or anything else waiting for the replay of a write. */
    private record Waiter(long ticket, CompletableFuture<Void> replayed) {
    }

    private final AgroalDataSource primary;
    private final AgroalDataSource replica;
    private final long maxLagNanos;
    private final long everyNanos;
    private final Duration waitAtMost;
    private final AtomicLong tickets = new AtomicLong();
    private volatile long replayedTicket;
    private volatile Status status;
    private final ConcurrentLinkedQueue<Waiter> waiters = new ConcurrentLinkedQueue<>();
    /** Probe thread only. */
    private final ArrayDeque<Sample> samples = new ArrayDeque<>();
    private final long windowNanos;
    private volatile boolean running;
    private volatile Thread prober;
    /**
     * The prober's own connections, one to each server, kept between checks (probe thread only): a check never waits
     * for a connection behind the reads, which under load held a write's purge for hundreds of milliseconds.
     */
    private Connection primaryConnection;
    private Connection replicaConnection;
    private final Timer replayWait;

    public ReplicaMonitor(AgroalDataSource primary, ReplicaConfig config, MeterRegistry registry) {
        this.primary = primary;
        this.replica = AgroalDataSourceUtil.dataSourceIfActive(DATASOURCE).orElse(null);
        this.maxLagNanos = config.maxLag().toNanos();
        this.everyNanos = Math.max(TimeUnit.MILLISECONDS.toNanos(10), config.probeEvery().toNanos());
        this.waitAtMost = config.maxLag().plus(config.probeEvery());
        this.windowNanos = Math.max(2 * maxLagNanos, TimeUnit.SECONDS.toNanos(10));
        this.status = new Status(replica == null ? State.NOT_CONFIGURED : State.STARTING, -1, -1, System.nanoTime(), null);
        this.replayWait = replica == null ? null : Timer.builder("dispatch.db.replica.replay.wait")
                .description("From a write's commit until the read replica has replayed it (or is bypassed): how long "
                        + "the edges' second purge waits")
                .publishPercentiles(0.5, 0.99).register(registry);
        if (replica != null) {
            Gauge.builder("dispatch.db.replica.lag.seconds", this, m -> m.status.lagSeconds())
                    .description("How far the read replica is behind the primary, at most (NaN while unknown)")
                    .register(registry);
            Gauge.builder("dispatch.db.replica.in.use", this, m -> m.status.state == State.IN_USE ? 1 : 0)
                    .description("1 while the read replica serves public and partner reads, 0 while it is bypassed")
                    .register(registry);
        }
    }

    /** Whether a replica is configured ({@code DISPATCH_DB_REPLICA_URL}). */
    public boolean configured() {
        return replica != null;
    }

    /** The replica's datasource; null when none is configured. */
    AgroalDataSource dataSource() {
        return replica;
    }

    public Status status() {
        return status;
    }

    public Duration maxLag() {
        return Duration.ofNanos(maxLagNanos);
    }

    /**
     * Whether a read may be served by the replica now: it is in use, was checked recently enough that it cannot have
     * fallen further behind than max-lag since, and has replayed every write this instance knows of.
     */
    boolean usable() {
        Status s = status;
        if (s.state != State.IN_USE) {
            return false;
        }
        if (tickets.get() > replayedTicket) {
            return false;
        }
        return System.nanoTime() - s.checkedAtNanos + s.lagNanos <= maxLagNanos;
    }

    /** See {@link ReadReplica#committed()}. */
    CompletionStage<Void> committed() {
        if (replica == null) {
            return ReadReplica.NOTHING_TO_WAIT_FOR;
        }
        long ticket = tickets.incrementAndGet();
        if (status.state != State.IN_USE) {
            return ReadReplica.NOTHING_TO_WAIT_FOR; // reads go to the primary until the replica has replayed it anyway
        }
        CompletableFuture<Void> replayed = new CompletableFuture<>();
        long started = System.nanoTime();
        waiters.add(new Waiter(ticket, replayed));
        wake();
        // Beyond max-lag the replica is bypassed anyway, replayed or not.
        return replayed.completeOnTimeout(null, waitAtMost.toNanos(), TimeUnit.NANOSECONDS)
                .whenComplete((ignored, failure) -> replayWait.record(System.nanoTime() - started, TimeUnit.NANOSECONDS));
    }

    /** A read on the replica failed as if it were down: bypass it until a check finds it answering again. */
    void failed(String problem) {
        Status s = status;
        if (s.state == State.IN_USE) {
            set(new Status(State.UNREACHABLE, s.lagNanos, s.replayLsn, System.nanoTime(), problem));
            wake();
        }
    }

    void start(@Observes StartupEvent event) {
        if (replica == null || running) {
            return;
        }
        running = true;
        Thread thread = new Thread(this::run, "dispatch-replica-probe");
        thread.setDaemon(true);
        prober = thread;
        thread.start();
    }

    /**
     * The schema has just been migrated on the primary: until the replica has replayed that too, it serves no read
     * (a read of a column it does not have yet would fail).
     */
    void schemaReady(@Observes SchemaReady event) {
        if (replica != null) {
            tickets.incrementAndGet();
            wake();
        }
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        Thread thread = prober;
        if (thread != null) {
            thread.interrupt();
        }
        waiters.forEach(w -> w.replayed.complete(null));
        waiters.clear();
    }

    private void closeConnections() {
        primaryConnection = close(primaryConnection);
        replicaConnection = close(replicaConnection);
    }

    private static Connection close(Connection connection) {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException | RuntimeException ignored) {
                // it is being dropped because it failed
            }
        }
        return null;
    }

    private void wake() {
        Thread thread = prober;
        if (thread != null) {
            LockSupport.unpark(thread);
        }
    }

    private void run() {
        while (running) {
            try {
                probe();
            } catch (RuntimeException e) {
                set(new Status(State.UNREACHABLE, -1, -1, System.nanoTime(), e.toString()));
            }
            boolean catchingUp = tickets.get() > replayedTicket && status.state == State.IN_USE;
            LockSupport.parkNanos(catchingUp ? Math.min(CATCH_UP_NANOS, everyNanos) : everyNanos);
            if (Thread.interrupted() && !running) {
                break;
            }
        }
        closeConnections();
    }

    /** One check: the primary's position, then the replica's. */
    void probe() {
        long ticket = tickets.get();
        long primaryLsn;
        try {
            if (primaryConnection == null) {
                primaryConnection = primary.getConnection();
            }
            try (Statement st = primaryConnection.createStatement();
                 ResultSet rs = st.executeQuery("select (pg_current_wal_lsn() - '0/0'::pg_lsn)::bigint")) {
                rs.next();
                primaryLsn = rs.getLong(1);
            }
        } catch (SQLException e) {
            primaryConnection = close(primaryConnection);
            set(new Status(State.PRIMARY_UNREACHABLE, -1, status.replayLsn, System.nanoTime(), summary(e)));
            return;
        }
        long now = System.nanoTime();
        samples.addLast(new Sample(now, primaryLsn, ticket));
        long replayLsn;
        try {
            if (replicaConnection == null) {
                replicaConnection = replica.getConnection();
            }
            try (Statement st = replicaConnection.createStatement();
                 ResultSet rs = st.executeQuery(
                         "select pg_is_in_recovery(), (pg_last_wal_replay_lsn() - '0/0'::pg_lsn)::bigint")) {
                rs.next();
                boolean recovering = rs.getBoolean(1);
                replayLsn = rs.getLong(2);
                if (!recovering || rs.wasNull()) {
                    set(new Status(State.NOT_A_REPLICA, -1, -1, System.nanoTime(),
                            "the replica's server is not in recovery (promoted, or not a standby)"));
                    return;
                }
            }
        } catch (SQLException e) {
            replicaConnection = close(replicaConnection);
            set(new Status(State.UNREACHABLE, -1, status.replayLsn, System.nanoTime(), summary(e)));
            return;
        }
        // The newest primary position the replica has replayed: its lag is at most that position's age.
        Sample replayed = null;
        for (Iterator<Sample> newestFirst = samples.descendingIterator(); newestFirst.hasNext(); ) {
            Sample sample = newestFirst.next();
            if (sample.lsn <= replayLsn) {
                replayed = sample;
                break;
            }
        }
        long lagNanos;
        if (replayed == null) {
            lagNanos = -1; // further behind than every position kept: unknown, so not used
        } else {
            lagNanos = replayed == samples.peekLast() ? 0 : now - replayed.nanos;
            if (replayed.ticket > replayedTicket) {
                replayedTicket = replayed.ticket;
            }
            while (samples.peekFirst() != replayed) { // older ones are replayed too
                samples.removeFirst();
            }
        }
        while (samples.size() > 1 && now - samples.peekFirst().nanos > windowNanos) {
            samples.removeFirst();
        }
        boolean fresh = lagNanos >= 0 && lagNanos <= maxLagNanos;
        set(new Status(fresh ? State.IN_USE : State.LAGGING, lagNanos, replayLsn, now,
                fresh ? null : lagNanos < 0 ? "further behind than " + windowNanos / 1_000_000_000 + " s"
                        : String.format(Locale.ROOT, "%.1f s behind the primary (max-lag %.1f s)", lagNanos / 1e9,
                        maxLagNanos / 1e9)));
    }

    private void set(Status next) {
        Status previous = status;
        status = next;
        if (previous.state != next.state) {
            if (next.state == State.IN_USE) {
                LOG.infof("The read replica serves public and partner reads (lag %.1f s)", next.lagSeconds());
            } else {
                LOG.warnf("The read replica is bypassed, reads go to the primary: %s%s", next.state.value(),
                        next.problem == null ? "" : " (" + next.problem + ")");
            }
        }
        long replayed = replayedTicket;
        boolean inUse = next.state == State.IN_USE;
        waiters.removeIf(w -> {
            if (!inUse || w.ticket <= replayed || w.replayed.isDone()) {
                w.replayed.complete(null);
                return true;
            }
            return false;
        });
    }

    /** Class and SQLSTATE of the innermost cause: never SQL or data. */
    static String summary(Throwable failure) {
        Throwable root = failure;
        String state = null;
        for (Throwable t = failure; t != null; t = t.getCause()) {
            root = t;
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                state = sql.getSQLState();
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return root.getClass().getSimpleName() + (state == null ? "" : " SQLSTATE " + state);
    }
}
