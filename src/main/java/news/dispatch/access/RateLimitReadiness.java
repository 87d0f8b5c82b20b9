package news.dispatch.access;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import java.util.Locale;

/**
 * Where the rate-limit counters are: always up, since an instance counting alone while Redis fails still serves
 * (docs/decisions/089-shared-rate-limits.md); the detail {@code store} says memory, redis or redis-failing.
 */
@Readiness
@ApplicationScoped
public class RateLimitReadiness implements HealthCheck {

    private final RateLimiter limiter;

    public RateLimitReadiness(RateLimiter limiter) {
        this.limiter = limiter;
    }

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("Rate-limit counters").up()
                .withData("store", limiter.store().name().toLowerCase(Locale.ROOT).replace('_', '-'))
                .build();
    }
}
