package news.dispatch.ops;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import news.dispatch.testsupport.Databases;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The application's own PostgreSQL connections run without parallel workers (docs/decisions/081-no-parallel-query.md):
 * the setting comes with the connection, so every statement of every request has it, whatever the server's default.
 */
@QuarkusTest
class DatabaseSessionTest {

    @Inject
    EntityManager em;

    @Test
    void postgresConnectionsStartNoParallelWorkers() {
        assumeTrue(Databases.postgres(), "a PostgreSQL setting");
        for (int i = 0; i < 3; i++) {
            String value = QuarkusTransaction.requiringNew().call(() ->
                    (String) em.createNativeQuery("select current_setting('max_parallel_workers_per_gather')").getSingleResult());
            assertThat(value).as("max_parallel_workers_per_gather on the application's connection").isEqualTo("0");
        }
    }
}
