package news.dispatch.replica;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * The read replica in the readiness detail (docs/decisions/093-read-replicas.md). Always UP: the replica is an
 * optimisation, and the primary serves every read it does not; readiness follows the primary (Quarkus' database check
 * and "Database schema"). The data say whether the replica serves reads, and why not.
 */
@Readiness
@ApplicationScoped
public class ReplicaReadiness implements HealthCheck {

    private final ReplicaMonitor monitor;
    private final ReplicaRouting routing;

    public ReplicaReadiness(ReplicaMonitor monitor, ReplicaRouting routing) {
        this.monitor = monitor;
        this.routing = routing;
    }

    @Override
    public HealthCheckResponse call() {
        ReplicaMonitor.Status status = monitor.status();
        var response = HealthCheckResponse.named("Database replica").up()
                .withData("state", routing.broken() != null ? "routing_off" : status.state().value());
        if (monitor.configured()) {
            response.withData("max_lag_seconds", seconds(monitor.maxLag().toNanos()));
            if (status.lagNanos() >= 0) {
                response.withData("lag_seconds", seconds(status.lagNanos()));
            }
            String problem = routing.broken() != null ? routing.broken() : status.problem();
            if (problem != null) {
                response.withData("problem", problem);
            }
        }
        return response.build();
    }

    private static String seconds(long nanos) {
        return String.format(java.util.Locale.ROOT, "%.3f", nanos / 1e9);
    }
}
