package news.dispatch.common;

import io.quarkus.logging.Log;
import jakarta.annotation.Priority;
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
 */
@ReadOnlyTransaction
@Interceptor
@Priority(Interceptor.Priority.PLATFORM_BEFORE + 200)
public class ReadOnlyTransactionInterceptor {

    private final TransactionManager transactions;
    private final Session session;

    public ReadOnlyTransactionInterceptor(TransactionManager transactions, Session session) {
        this.transactions = transactions;
        this.session = session;
    }

    @AroundInvoke
    Object read(InvocationContext context) throws Exception {
        if (transactions.getStatus() != Status.STATUS_NO_TRANSACTION) {
            return context.proceed();
        }
        transactions.begin();
        Object result;
        try {
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
            throw failure;
        }
        try {
            transactions.rollback();
        } catch (Exception e) {
            // The answer is read already; a connection that failed since is the pool's to replace.
            Log.debugf(e, "Ending a read-only transaction failed");
        }
        return result;
    }
}
