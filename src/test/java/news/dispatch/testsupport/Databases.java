package news.dispatch.testsupport;

import org.eclipse.microprofile.config.ConfigProvider;

/** Which database the suite runs on (H2 by default, PostgreSQL with -Dpostgresql). */
public final class Databases {

    private Databases() {
    }

    /** True when the application under test runs on PostgreSQL. */
    public static boolean postgres() {
        return ConfigProvider.getConfig().getValue("quarkus.datasource.db-kind", String.class).startsWith("postgres");
    }
}
