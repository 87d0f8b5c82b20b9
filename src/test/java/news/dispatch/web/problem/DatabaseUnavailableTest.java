package news.dispatch.web.problem;

import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

class DatabaseUnavailableTest {

    @Test
    void connectionFailuresDeepInTheCauseChainAreOutages() {
        SQLException refused = new SQLException("Connection refused", "08001", new ConnectException("refused"));
        RuntimeException wrapped = new IllegalStateException("hibernate", new RuntimeException("arc", refused));
        assertThat(DatabaseUnavailable.isCause(wrapped)).isTrue();
        assertThat(DatabaseUnavailable.summary(wrapped)).isEqualTo("java.net.ConnectException SQLSTATE 08001");
    }

    @Test
    void aCommitThatLostItsConnectionIsAnOutage() {
        // Narayana: RollbackException with the XAException (caused by the driver's I/O error) suppressed.
        Exception rollback = new Exception("ARJUNA016053: Could not commit transaction.");
        Exception xa = new Exception("Error trying to transactionCommit local transaction",
                new SQLException("An I/O error occurred while sending to the backend.", "08006"));
        rollback.addSuppressed(xa);
        assertThat(DatabaseUnavailable.isCause(new RuntimeException("Error invoking subclass method", rollback))).isTrue();
    }

    @Test
    void shutdownStartupTimeoutsAndAnExhaustedPoolAreOutages() {
        assertThat(DatabaseUnavailable.isCause(new SQLException("terminating connection due to administrator command", "57P01"))).isTrue();
        assertThat(DatabaseUnavailable.isCause(new SQLException("the database system is starting up", "57P03"))).isTrue();
        assertThat(DatabaseUnavailable.isCause(new SQLException("canceling statement due to statement timeout", "57014"))).isTrue();
        assertThat(DatabaseUnavailable.isCause(new SQLException("Sorry, acquisition timeout!"))).isTrue();
    }

    @Test
    void bugsStayBugs() {
        assertThat(DatabaseUnavailable.isCause(new SQLException("syntax error at or near", "42601"))).isFalse();
        assertThat(DatabaseUnavailable.isCause(new SQLException("relation does not exist", "42P01"))).isFalse();
        assertThat(DatabaseUnavailable.isCause(new SQLException("duplicate key", "23505"))).isFalse();
        assertThat(DatabaseUnavailable.isCause(new NullPointerException())).isFalse();
    }

    @Test
    void textPostgresqlCannotHoldIsRecognised() {
        assertThat(DatabaseUnavailable.isUnstorableText(new RuntimeException(new SQLException("invalid byte sequence", "22021")))).isTrue();
        assertThat(DatabaseUnavailable.isUnstorableText(new SQLException("value too long", "22001"))).isFalse();
    }
}
