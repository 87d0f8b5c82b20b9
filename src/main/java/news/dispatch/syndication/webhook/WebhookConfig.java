package news.dispatch.syndication.webhook;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Webhook deliveries: how often, how patiently, how long to wait. */
@ConfigMapping(prefix = "dispatch.webhooks")
public interface WebhookConfig {

    /** How often the dispatcher queues new changes and sends due deliveries ("off" disables it). */
    @WithDefault("2s")
    String every();

    /** Attempts before a delivery is marked failed. */
    @WithDefault("8")
    int maxAttempts();

    /** Wait after the first failed attempt; each further failure doubles it. */
    @WithDefault("PT10S")
    Duration backoff();

    /** The longest wait between two attempts. */
    @WithDefault("PT1H")
    Duration maxBackoff();

    /** The deadline of one attempt: connecting, sending, and the whole response, body included. */
    @WithDefault("PT5S")
    Duration timeout();

    /** Most attempts per receiver and run. */
    @WithDefault("50")
    int batch();

    /** Receivers served at the same time (each receiver gets its deliveries one at a time). */
    @WithDefault("16")
    int concurrency();

    /**
     * Hosts and address ranges (CIDR) that deliveries may reach although they are not public: loopback,
     * private, link-local ... (decision 100). Empty: only public addresses.
     */
    Optional<List<String>> allowedTargets();
}
