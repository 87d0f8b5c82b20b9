package news.dispatch.testsupport;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.HashMap;
import java.util.Map;

/**
 * Runs the app on a database of its own, empty at start: a separate in-memory H2 database, or on
 * the PostgreSQL run the database named by DISPATCH_TEST_PG_FRESH_URL (default dispatch_test_fresh),
 * which Flyway cleans at start.
 */
public class FreshDatabaseProfile implements QuarkusTestProfile {

    protected Map<String, String> extra() {
        return Map.of();
    }

    @Override
    public final Map<String, String> getConfigOverrides() {
        Map<String, String> config = new HashMap<>();
        String profile = System.getProperty("quarkus.test.profile", "");
        if (profile.contains("pg")) {
            String url = System.getenv().getOrDefault("DISPATCH_TEST_PG_FRESH_URL",
                    "jdbc:postgresql://127.0.0.1:5432/dispatch_test_fresh");
            config.put("quarkus.datasource.jdbc.url", url);
        } else {
            // named by the profile's full class name: two profiles named alike (SomeTest.WithSampleContent) must not share
            // one in-memory database, which outlives each application started on it (DB_CLOSE_DELAY=-1)
            config.put("quarkus.datasource.jdbc.url", "jdbc:h2:mem:fresh-" + getClass().getName().replace('.', '-').replace('$', '-')
                    + ";DB_CLOSE_DELAY=-1;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH");
        }
        config.putAll(extra());
        return config;
    }
}
