package news.dispatch.web.problem;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

/**
 * Recognises failures that mean "the database cannot serve us right now" (down, restarting,
 * unreachable, out of connections, too slow) as opposed to bugs: those become 503 with
 * Retry-After instead of 500 (API.md: 503 when the database is unavailable).
 * Walks the whole cause chain, because Hibernate, Narayana and Agroal each wrap the driver's exception.
 */
public final class DatabaseUnavailable {

    /** Seconds a client should wait before retrying after a 503 (sent as Retry-After). */
    public static final String RETRY_AFTER_SECONDS = "5";

    /**
     * SQLSTATE values (and classes, by their two-letter prefix) that mean the database is not
     * available rather than that the statement is wrong: 08 connection exception, 53 insufficient
     * resources, 57P01..03 shutdown / not yet accepting connections, 57014 cancelled by
     * statement_timeout, HYT00 timeout expired (H2 lock timeout), 40001 / 40P01 serialisation
     * failure and deadlock (the transaction was rolled back and may simply be retried).
     */
    private static final Set<String> CLASSES = Set.of("08", "53");
    private static final Set<String> STATES = Set.of("57P01", "57P02", "57P03", "57014", "HYT00", "40001", "40P01");

    private DatabaseUnavailable() {
    }

    public static boolean isCause(Throwable failure) {
        return any(failure, DatabaseUnavailable::matches);
    }

    /**
     * Whether the failure or anything it wraps matches: causes and suppressed exceptions both (a failed
     * commit reports the driver's I/O error as a suppressed exception of Narayana's RollbackException).
     */
    private static boolean any(Throwable failure, java.util.function.Predicate<Throwable> test) {
        java.util.Deque<Throwable> todo = new java.util.ArrayDeque<>();
        java.util.Set<Throwable> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        todo.add(failure);
        while (!todo.isEmpty() && seen.size() < 64) {
            Throwable t = todo.poll();
            if (t == null || !seen.add(t)) {
                continue;
            }
            if (test.test(t)) {
                return true;
            }
            if (t.getCause() != null) {
                todo.add(t.getCause());
            }
            todo.addAll(java.util.List.of(t.getSuppressed()));
        }
        return false;
    }

    private static boolean matches(Throwable t) {
        if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                || t instanceof SQLRecoverableException || t instanceof SQLTimeoutException
                || t instanceof ConnectException || t instanceof NoRouteToHostException
                || t instanceof SocketTimeoutException
                || t instanceof jakarta.persistence.QueryTimeoutException
                || t instanceof jakarta.persistence.LockTimeoutException
                || t instanceof org.hibernate.exception.JDBCConnectionException
                || t instanceof org.hibernate.QueryTimeoutException) {
            return true;
        }
        if (t instanceof SQLException sql) {
            String state = sql.getSQLState();
            if (state != null && (STATES.contains(state) || state.length() >= 2 && CLASSES.contains(state.substring(0, 2)))) {
                return true;
            }
            // Agroal reports an exhausted pool or a connection it could not open in time with a bare
            // SQLException (no SQLSTATE): "Sorry, acquisition timeout!" / "Acquisition timeout while ...".
            String message = sql.getMessage();
            return state == null && message != null && message.toLowerCase(java.util.Locale.ROOT).contains("acquisition timeout");
        }
        return false;
    }

    /** SQLSTATE 22021 / 22P05: a text value with a NUL character or bytes invalid in the database encoding. */
    public static boolean isUnstorableText(Throwable failure) {
        return any(failure, t -> t instanceof SQLException sql
                && ("22021".equals(sql.getSQLState()) || "22P05".equals(sql.getSQLState())));
    }

    /** A short description of the innermost cause for the log (class and SQLSTATE; never SQL or data). */
    public static String summary(Throwable failure) {
        Throwable root = failure;
        String state = null;
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 32; t = t.getCause(), depth++) {
            root = t;
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                state = sql.getSQLState();
            }
        }
        return root.getClass().getName() + (state == null ? "" : " SQLSTATE " + state);
    }
}
