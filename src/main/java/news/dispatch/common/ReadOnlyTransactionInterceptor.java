package news.dispatch.common;

import io.quarkus.logging.Log;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Instance;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionManager;
import org.hibernate.FlushMode;
import org.hibernate.Session;
import org.hibernate.engine.spi.SessionImplementor;

/**
 * Runs {@link ReadOnlyTransaction} methods. A read that starts its own transaction gets a session in flush
 * mode {@code MANUAL} whose entities load read-only: Hibernate keeps no snapshot of them and never walks
 * them looking for changes, before each query or at the end, which was 15 % of the CPU of uncached answers
 * (docs/benchmarks.md, finding 18). The transaction is rolled back at the end, as there is nothing to keep.
 * A read called inside a transaction that is already open (a write, a job) joins it as it is: making that
 * session read-only would silently drop the caller's changes.
 * <p>
 * A read marked {@code replica = true} may be served by the read replica ({@link ReadReplica}, decision 093): the
 * session of its transaction is bound to a replica connection when the replica says so; a read that failed there
 * because the replica is unreachable runs again, once, on the primary.
 */
@ReadOnlyTransaction
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 200)
public class ReadOnlyTransactionInterceptor {

    private final TransactionManager transactions;
    private final Session session;
    private final ReadReplica replica;

    public ReadOnlyTransactionInterceptor(TransactionManager transactions, Session session, Instance<ReadReplica> replica) {
        this.transactions = transactions;
        this.session = session;
        this.replica = replica.isResolvable() ? replica.get() : null;
    }

    @AroundInvoke
    Object read(InvocationContext context) throws Exception {
        if (transactions.getStatus() != Status.STATUS_NO_TRANSACTION) {
            return context.proceed();
        }
        if (replica != null) {
            ReadOnlyTransaction binding = context.getInterceptorBinding(ReadOnlyTransaction.class);
            if (binding != null && binding.replica()) {
                boolean[] onReplica = new boolean[1];
                try {
                    return inTransaction(context, onReplica);
                } catch (Exception | Error failure) {
                    if (!onReplica[0] || !replica.retryOnPrimary(failure)) {
                        throw failure;
                    }
                    Log.debugf("A read failed on the replica (%s); reading from the primary", failure);
                }
            }
        }
        return inTransaction(context, null);
    }

    /**
     * Runs the read in a transaction of its own. With {@code onReplica}, it may be bound to the replica, and
     * {@code onReplica[0]} says whether it was.
     */
    private Object inTransaction(InvocationContext context, boolean[] onReplica) throws Exception {
        transactions.begin();
        AutoCloseable lease = null;
        Object result;
        try {
            if (onReplica != null) {
                lease = replica.bind();
                onReplica[0] = lease != null;
            }
            session.setHibernateFlushMode(FlushMode.MANUAL);
            session.setDefaultReadOnly(true);
            result = context.proceed();
            // A change queued in a read would be lost without a word: refuse it, loudly, instead.
            if (session.unwrap(SessionImplementor.class).getActionQueue().hasAnyQueuedActions()) {
                throw new IllegalStateException("a read-only transaction was asked to store something: "
                        + context.getMethod());
            }
        } catch (Throwable failure) {
            try {
                transactions.rollback();
            } catch (Exception | Error e) {
                failure.addSuppressed(e);
            }
            release(lease);
            throw failure;
        }
        try {
            transactions.rollback();
        } catch (Exception e) {
            // The answer is read already; a connection that failed since is the pool's to replace.
            Log.debugf(e, "Ending a read-only transaction failed");
        }
        release(lease);
        return result;
    }

    private static void release(AutoCloseable lease) {
        if (lease != null) {
            try {
                lease.close();
            } catch (Exception e) {
                Log.debugf(e, "Releasing a replica connection failed");
            }
        }
    }
}
