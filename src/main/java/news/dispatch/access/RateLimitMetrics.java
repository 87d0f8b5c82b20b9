package news.dispatch.access;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.EnumMap;
import java.util.Map;

/**
 * The rate limiter's meters. Prometheus names: {@code dispatch_rate_limit_rejections_total{role}} and {@code
 * dispatch_rate_limit_store_failures_total} (calls to the shared rate-limit store, Redis, that failed or timed out;
 * the request was counted in memory instead). The HTTP timer's shape is ops' ({@code ops.OpsMetrics}).
 */
@Startup
@ApplicationScoped
public class RateLimitMetrics {

    public static final String RATE_LIMIT_REJECTIONS = "dispatch.rate.limit.rejections";
    public static final String RATE_LIMIT_STORE_FAILURES = "dispatch.rate.limit.store.failures";

    private final Map<Role, Counter> rateLimitRejections = new EnumMap<>(Role.class);
    private final Counter rateLimitStoreFailures;

    public RateLimitMetrics(MeterRegistry registry) {
        for (Role role : Role.values()) {
            rateLimitRejections.put(role, Counter.builder(RATE_LIMIT_REJECTIONS)
                    .description("Requests refused with 429 because the caller's rate limit was used up")
                    .tag("role", role.value())
                    .register(registry));
        }
        rateLimitStoreFailures = Counter.builder(RATE_LIMIT_STORE_FAILURES)
                .description("Calls to the shared rate-limit store (Redis) that failed or timed out; the request was "
                        + "counted by this instance alone")
                .register(registry);
    }

    /** Call once for every request refused with 429. */
    public void rateLimitRejected(Role role) {
        rateLimitRejections.get(role).increment();
    }

    /** Call once for every call to the shared rate-limit store that failed or timed out. */
    public void rateLimitStoreFailed() {
        rateLimitStoreFailures.increment();
    }
}
