package news.dispatch.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import news.dispatch.access.Role;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * Our own meters, and the shape of Quarkus' HTTP timer. Prometheus names: {@code
 * dispatch_rate_limit_rejections_total{role}}, {@code http_server_requests_seconds_bucket{method,uri,status,outcome,le}}
 * (uri is the route template, e.g. /v1/articles/{slug}), {@code dispatch_rate_limit_store_failures_total} (calls to
 * the shared rate-limit store, Redis, that failed or timed out; the request was counted in memory instead).
 */
@Startup
@ApplicationScoped
public class OpsMetrics {

    public static final String RATE_LIMIT_REJECTIONS = "dispatch.rate.limit.rejections";
    public static final String RATE_LIMIT_STORE_FAILURES = "dispatch.rate.limit.store.failures";

    /** Latency buckets of the HTTP histogram: enough to read p50/p95/p99 of a read API, few series per route. */
    static final Duration[] BUCKETS = {Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25),
            Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
            Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10)};

    private final Map<Role, Counter> rateLimitRejections = new EnumMap<>(Role.class);
    private final Counter rateLimitStoreFailures;

    public OpsMetrics(MeterRegistry registry) {
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

    @Produces
    @Singleton
    MeterFilter httpHistogram() {
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (!"http.server.requests".equals(id.getName())) {
                    return config;
                }
                double[] slos = new double[BUCKETS.length];
                for (int i = 0; i < BUCKETS.length; i++) {
                    slos[i] = BUCKETS[i].toNanos();
                }
                return DistributionStatisticConfig.builder().serviceLevelObjectives(slos).build().merge(config);
            }
        };
    }
}
