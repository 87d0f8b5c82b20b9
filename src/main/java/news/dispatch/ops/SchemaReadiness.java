package news.dispatch.ops;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Not ready until the migrations have run and the mapping matches the schema (the database check is Quarkus' own). */
@Readiness
@ApplicationScoped
public class SchemaReadiness implements HealthCheck {

    private final SchemaMigrations migrations;

    public SchemaReadiness(SchemaMigrations migrations) {
        this.migrations = migrations;
    }

    @Override
    public HealthCheckResponse call() {
        var response = HealthCheckResponse.named("Database schema")
                .status(migrations.isReady())
                .withData("state", migrations.state().name().toLowerCase(java.util.Locale.ROOT));
        if (migrations.problem() != null) {
            response.withData("problem", migrations.problem());
        }
        return response.build();
    }
}
