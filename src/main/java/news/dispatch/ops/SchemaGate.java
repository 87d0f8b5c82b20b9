package news.dispatch.ops;

import news.dispatch.web.problem.DatabaseUnavailable;
import news.dispatch.web.problem.ProblemException;
import news.dispatch.web.problem.ProblemType;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/** While the schema is not migrated, API calls answer 503 instead of failing on missing tables. */
public class SchemaGate {

    private final SchemaMigrations migrations;

    public SchemaGate(SchemaMigrations migrations) {
        this.migrations = migrations;
    }

    @ServerRequestFilter(preMatching = true)
    public void check() {
        if (!migrations.isReady()) {
            throw new ProblemException(ProblemType.SERVICE_UNAVAILABLE,
                    "The service is starting and its database is not ready yet. Try again shortly.")
                    .withHeader("Retry-After", DatabaseUnavailable.RETRY_AFTER_SECONDS);
        }
    }
}
