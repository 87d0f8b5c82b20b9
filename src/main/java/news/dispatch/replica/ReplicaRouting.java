package news.dispatch.replica;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.arc.Arc;
import io.quarkus.hibernate.orm.runtime.PersistenceUnitUtil;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Singleton;
import jakarta.transaction.TransactionSynchronizationRegistry;
import news.dispatch.access.Caller;
import news.dispatch.access.CurrentCaller;
import news.dispatch.common.ReadReplica;
import news.dispatch.web.problem.DatabaseUnavailable;
import org.hibernate.Session;
import org.hibernate.SessionFactory;
import org.hibernate.engine.spi.SessionImplementor;
import org.jboss.logging.Logger;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.util.concurrent.CompletionStage;

/**
 * Which reads the replica serves, and how (docs/decisions/093-read-replicas.md).
 * <ul>
 *   <li>Only reads marked {@code @ReadOnlyTransaction(replica = true)} (articles, sections, tags, bylines, search,
 *       the change feed) that begin their own transaction, in a request of an anonymous or partner caller. Editors
 *       and admins, every write and every read inside a write, background jobs and API-key look-ups use the
 *       primary: whoever writes reads its own writes.</li>
 *   <li>Only while {@link ReplicaMonitor#usable()}: the replica answers, lags at most max-lag and has replayed every
 *       write this instance knows of.</li>
 *   <li>The read's transaction gets a Hibernate session on a connection of the replica's pool, bound to the
 *       transaction as the persistence unit's session, so repositories and Panache use it unchanged. Whether Quarkus
 *       picks it up is checked on every read; if it ever does not (a change in Quarkus), routing is switched off,
 *       with an error in the log and in the readiness detail, and every read goes to the primary.</li>
 * </ul>
 */
@Singleton
public class ReplicaRouting implements ReadReplica {

    private static final Logger LOG = Logger.getLogger(ReplicaRouting.class);
    /**
     * Where Quarkus keeps the session of a transaction (in the transaction synchronization registry):
     * {@code TransactionScopedSession}'s key for the default persistence unit.
     */
    static final String SESSION_KEY = "TransactionScopedSession-" + PersistenceUnitUtil.DEFAULT_PERSISTENCE_UNIT_NAME;

    private final ReplicaMonitor monitor;
    private final Instance<CurrentCaller> caller;
    private final SessionFactory sessions;
    private final Session session;
    private final TransactionSynchronizationRegistry registry;
    private final Counter onReplica;
    private final Counter onPrimary;
    private final Counter fallbacks;
    private volatile String broken;

    public ReplicaRouting(ReplicaMonitor monitor, Instance<CurrentCaller> caller, SessionFactory sessions, Session session,
                          TransactionSynchronizationRegistry registry, MeterRegistry meters) {
        this.monitor = monitor;
        this.caller = caller;
        this.sessions = sessions;
        this.session = session;
        this.registry = registry;
        this.onReplica = reads(meters, "replica");
        this.onPrimary = reads(meters, "primary");
        this.fallbacks = Counter.builder("dispatch.db.replica.fallbacks")
                .description("Reads that failed on the read replica (unreachable) and were served by the primary")
                .register(meters);
    }

    private static Counter reads(MeterRegistry meters, String servedBy) {
        return Counter.builder("dispatch.db.replica.reads").tag("served_by", servedBy)
                .description("Public and partner reads the read replica may serve, by where they were served")
                .register(meters);
    }

    /** Why routing was switched off (Quarkus no longer uses the bound session), or null. */
    public String broken() {
        return broken;
    }

    @Override
    public AutoCloseable bind() {
        if (!monitor.configured() || broken != null || !Arc.container().requestContext().isActive()) {
            return null;
        }
        Caller current = caller.get().get();
        if (current.isEditor()) {
            return null; // the newsroom reads what it has just written
        }
        if (!monitor.usable()) {
            onPrimary.increment();
            return null;
        }
        Connection connection;
        try {
            connection = monitor.dataSource().getConnection();
        } catch (SQLException e) {
            monitor.failed(ReplicaMonitor.summary(e));
            fallbacks.increment();
            onPrimary.increment();
            return null;
        }
        Session own = null;
        try {
            own = sessions.withOptions().connection(connection).autoClose(true).openSession();
            registry.putResource(SESSION_KEY, own);
            if (session.unwrap(SessionImplementor.class) != own.unwrap(SessionImplementor.class)) {
                broken = "the transaction's session is not the one bound to the replica (Quarkus keeps it elsewhere)";
                LOG.errorf("Reads from the replica are switched off: %s. Every read goes to the primary.", broken);
                registry.putResource(SESSION_KEY, null);
                own.close();
                closeQuietly(connection);
                onPrimary.increment();
                return null;
            }
        } catch (RuntimeException | Error e) {
            if (own != null && own.isOpen()) {
                own.close();
            }
            closeQuietly(connection);
            throw e;
        }
        onReplica.increment();
        return connection::close;
    }

    @Override
    public boolean retryOnPrimary(Throwable failure) {
        if (!DatabaseUnavailable.isCause(failure) || isTimeout(failure)) {
            return false; // a bug or a slow statement: the same on the primary
        }
        if (!isRecoveryConflict(failure)) {
            monitor.failed(ReplicaMonitor.summary(failure));
        }
        fallbacks.increment();
        return true;
    }

    @Override
    public CompletionStage<Void> committed() {
        return monitor.committed();
    }

    /** A statement cancelled for taking too long (the search timeout): it would take as long on the primary. */
    private static boolean isTimeout(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTimeoutException || t instanceof jakarta.persistence.QueryTimeoutException
                    || t instanceof org.hibernate.QueryTimeoutException
                    || t instanceof SQLException sql && "57014".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** "Canceling statement due to conflict with recovery" (40001): the replica is fine, the read just ran again. */
    private static boolean isRecoveryConflict(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && "40001".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // returned to the pool broken: the pool replaces it
        }
    }
}
