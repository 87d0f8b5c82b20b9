package news.dispatch.syndication.webhook;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

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

    /** Connect and response timeout of one attempt. */
    @WithDefault("PT5S")
    Duration timeout();

    /** Most deliveries sent per run. */
    @WithDefault("50")
    int batch();
}
