package news.dispatch.syndication.webhook;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import news.dispatch.access.Caller;
import news.dispatch.access.Role;
import news.dispatch.change.ChangeFeed;
import news.dispatch.change.ChangeItem;
import news.dispatch.change.ChangePage;
import news.dispatch.web.Representations;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Sends the change feed to webhook receivers. Each run first queues, per receiver, the changes
 * committed since its position (the change feed is the outbox, so nothing committed is skipped
 * and a rolled-back change is never sent), then makes the attempts that are due. A failed attempt
 * (no answer, or a status outside 2xx) is retried after a wait that doubles each time, up to the
 * configured number of attempts; every attempt's outcome is kept for the delivery log.
 * <p>
 * Receivers see what a partner without entitlement limits sees: no embargoed or withheld story.
 * Delivery is at least once; the {@code Dispatch-Delivery} header lets receivers drop repeats.
 */
@ApplicationScoped
public class WebhookDispatcher {

    /** Webhooks stand for partners in general: the rights apply, with no section or tag limits. */
    static final Caller RECEIVER = new Caller(Role.PARTNER, null, false, Set.of(), Set.of());
    static final int QUEUE_PAGE = 100;
    /** Pages queued per receiver and run, so one long backlog does not hold up the others. */
    static final int MAX_QUEUE_PAGES = 20;

    private final EntityManager em;
    private final ChangeFeed feed;
    private final Representations representations;
    private final WebhookConfig config;
    private final Clock clock;
    private final HttpClient http;

    public WebhookDispatcher(EntityManager em, ChangeFeed feed, Representations representations, WebhookConfig config,
                             Clock clock) {
        this.em = em;
        this.feed = feed;
        this.representations = representations;
        this.config = config;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(config.timeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Scheduled(identity = "webhook-dispatcher", every = "${dispatch.webhooks.every:2s}", delayed = "${dispatch.jobs.start-delay}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        run();
    }

    /** One round: queue new changes, then send what is due. Returns the number of attempts made. */
    public synchronized int run() {
        List<UUID> webhooks = QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select w.id from Webhook w where w.active = true order by w.id", UUID.class).getResultList());
        for (UUID id : webhooks) {
            QuarkusTransaction.requiringNew().run(() -> queue(id));
        }
        Instant now = Instant.now(clock);
        List<UUID> due = QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                        "select d.id from WebhookDelivery d where d.status = :pending and d.nextAttemptAt <= :now"
                                + " order by d.nextAttemptAt, d.id", UUID.class)
                .setParameter("pending", DeliveryStatus.PENDING).setParameter("now", now)
                .setMaxResults(config.batch()).getResultList());
        int attempts = 0;
        for (UUID id : due) {
            attempts += attempt(id);
        }
        return attempts;
    }

    /** Queues the receiver's changes since its position; the row lock keeps two runs from queuing twice. */
    private void queue(UUID webhookId) {
        Webhook w = em.find(Webhook.class, webhookId, LockModeType.PESSIMISTIC_WRITE);
        if (w == null || !w.active) {
            return;
        }
        Set<String> types = Set.of(w.eventTypes.split(","));
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        ChangePage page;
        int pages = 0;
        do {
            page = feed.page(w.lastSeq, QUEUE_PAGE, RECEIVER);
            for (ChangeItem item : page.items()) {
                if (!types.contains(item.type().value())) {
                    continue;
                }
                WebhookDelivery d = new WebhookDelivery();
                d.webhookId = w.id;
                d.seq = item.seq();
                d.eventType = item.type();
                d.articleId = item.id();
                d.payload = new String(representations.serialize(
                        new WebhookPayload(d.id, w.id, item, ChangeFeed.cursor(item.seq()))), StandardCharsets.UTF_8);
                d.nextAttemptAt = now;
                d.createdAt = now;
                em.persist(d);
            }
            long position = ChangeFeed.position(page.next());
            if (position == w.lastSeq) {
                break;
            }
            w.lastSeq = position;
        } while (!page.items().isEmpty() && ++pages < MAX_QUEUE_PAGES);
    }

    private int attempt(UUID deliveryId) {
        record Target(String url, String secret, String payload, int attempts) {
        }
        Target target = QuarkusTransaction.requiringNew().call(() -> {
            WebhookDelivery d = em.find(WebhookDelivery.class, deliveryId);
            if (d == null || d.status != DeliveryStatus.PENDING) {
                return null;
            }
            Webhook w = em.find(Webhook.class, d.webhookId);
            return w == null ? null : new Target(w.url, w.secret, d.payload, d.attempts);
        });
        if (target == null) {
            return 0;
        }
        byte[] body = target.payload().getBytes(StandardCharsets.UTF_8);
        long timestamp = Instant.now(clock).getEpochSecond();
        Integer status = null;
        String error = null;
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(target.url()))
                    .timeout(config.timeout())
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "Dispatch-Webhooks/1")
                    .header("Dispatch-Delivery", deliveryId.toString())
                    .header(WebhookSigner.HEADER, WebhookSigner.header(target.secret(), timestamp, body))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                    .build();
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            status = response.statusCode();
            if (status < 200 || status > 299) {
                error = "HTTP " + status;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = "interrupted";
        } catch (Exception e) {
            error = describe(e);
        }
        Integer answered = status;
        String failure = error;
        QuarkusTransaction.requiringNew().run(() -> record(deliveryId, answered, failure));
        return 1;
    }

    private void record(UUID deliveryId, Integer status, String error) {
        WebhookDelivery d = em.find(WebhookDelivery.class, deliveryId, LockModeType.PESSIMISTIC_WRITE);
        if (d == null || d.status != DeliveryStatus.PENDING) {
            return;
        }
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        d.attempts++;
        d.lastAttemptAt = now;
        d.responseStatus = status;
        d.error = error;
        if (error == null) {
            d.status = DeliveryStatus.DELIVERED;
            d.deliveredAt = now;
            d.nextAttemptAt = null;
        } else if (d.attempts >= config.maxAttempts()) {
            d.status = DeliveryStatus.FAILED;
            d.nextAttemptAt = null;
            Log.infof("Webhook delivery %s failed after %d attempts: %s", d.id, d.attempts, error);
        } else {
            d.nextAttemptAt = now.plus(backoff(d.attempts));
        }
    }

    /** The wait after the n-th failed attempt: backoff × 2^(n-1), capped. */
    Duration backoff(int failedAttempts) {
        Duration wait = config.backoff();
        for (int i = 1; i < failedAttempts && wait.compareTo(config.maxBackoff()) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(config.maxBackoff()) > 0 ? config.maxBackoff() : wait;
    }

    private static String describe(Exception e) {
        if (e instanceof java.net.http.HttpTimeoutException) {
            return "timed out";
        }
        if (e instanceof java.net.ConnectException) {
            return "connection refused";
        }
        return "request failed (" + e.getClass().getSimpleName() + ")";
    }

}
