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

import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.net.SocketAddress;
import jakarta.annotation.PreDestroy;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Sends the change feed to webhook receivers. Each run first queues, per receiver, the changes
 * committed since its position (the change feed is the outbox, so nothing committed is skipped
 * and a rolled-back change is never sent), then makes the attempts that are due. A failed attempt
 * (no answer, or a status outside 2xx) is retried after a wait that doubles each time, up to the
 * configured number of attempts; every attempt's outcome is kept for the delivery log.
 * <p>
 * Receivers are served concurrently, each by one worker that sends its due deliveries one at a time in
 * change-feed order and stops at the first failure (the rest wait for the next run), so a slow or broken
 * receiver holds up nobody else. An attempt has one deadline for all of it: connecting, sending and the whole
 * response. The target is checked by {@link WebhookTargets} before every attempt and the connection goes to
 * the address that was checked (decision 100).
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
    private final WebhookTargets targets;
    private final Clock clock;
    private final HttpClient http;
    private final ExecutorService workers;
    /** Receivers a worker is sending to now: a run starts no second worker for them. */
    private final Set<UUID> busy = ConcurrentHashMap.newKeySet();

    private final news.dispatch.access.ApiKeyService apiKeys;

    public WebhookDispatcher(EntityManager em, ChangeFeed feed, Representations representations, WebhookConfig config,
                             WebhookTargets targets, Clock clock, Vertx vertx, news.dispatch.access.ApiKeyService apiKeys) {
        this.apiKeys = apiKeys;
        this.em = em;
        this.feed = feed;
        this.representations = representations;
        this.config = config;
        this.targets = targets;
        this.clock = clock;
        int timeout = (int) Math.min(Integer.MAX_VALUE, config.timeout().toMillis());
        // A connection per attempt: a kept connection that the receiver closed meanwhile (a restart, a new server on the
        // same port) failed the next delivery before it reached the receiver; the deadline bounds each attempt.
        this.http = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout(timeout)
                .setKeepAlive(false).setMaxPoolSize(2).setVerifyHost(true));
        AtomicInteger threads = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(config.concurrency(), r -> {
            Thread t = new Thread(r, "webhook-delivery-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @PreDestroy
    void stop() {
        workers.shutdownNow();
        http.close();
    }

    @Scheduled(identity = "webhook-dispatcher", every = "${dispatch.webhooks.every:2s}", delayed = "${dispatch.jobs.start-delay}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        start(); // the workers go on after this returns; a receiver still busy is skipped by the next run
    }

    /** One round: queue new changes, send what is due, and wait for it. Returns the number of attempts made. */
    public int run() {
        int attempts = 0;
        for (Future<Integer> worker : start()) {
            try {
                attempts += worker.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            } catch (ExecutionException e) {
                throw new IllegalStateException("webhook worker failed", e.getCause());
            }
        }
        return attempts;
    }

    /** Queues new changes and starts a worker for each receiver with a due delivery and no worker yet. */
    private synchronized List<Future<Integer>> start() {
        List<UUID> webhooks = QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select w.id from Webhook w where w.active = true order by w.id", UUID.class).getResultList());
        for (UUID id : webhooks) {
            QuarkusTransaction.requiringNew().run(() -> queue(id));
        }
        Instant now = Instant.now(clock);
        List<UUID> due = QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                        "select distinct d.webhookId from WebhookDelivery d where d.status = :pending and d.nextAttemptAt <= :now",
                        UUID.class)
                .setParameter("pending", DeliveryStatus.PENDING).setParameter("now", now).getResultList());
        List<Future<Integer>> started = new ArrayList<>();
        for (UUID webhookId : due) {
            if (busy.add(webhookId)) {
                try {
                    started.add(workers.submit(() -> {
                        try {
                            return deliver(webhookId);
                        } catch (RuntimeException e) {
                            Log.warnf("Webhook worker for %s stopped early: %s", webhookId, e.getClass().getSimpleName());
                            return 0;
                        } finally {
                            busy.remove(webhookId);
                        }
                    }));
                } catch (RejectedExecutionException e) {
                    busy.remove(webhookId); // shutting down
                }
            }
        }
        return started;
    }

    /** Sends one receiver's due deliveries in change-feed order, until one fails or the batch is used up. */
    private int deliver(UUID webhookId) {
        int attempts = 0;
        while (attempts < config.batch()) {
            Instant now = Instant.now(clock);
            List<UUID> next = QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                            "select d.id from WebhookDelivery d where d.webhookId = :webhook and d.status = :pending"
                                    + " and d.nextAttemptAt <= :now order by d.seq, d.id", UUID.class)
                    .setParameter("webhook", webhookId).setParameter("pending", DeliveryStatus.PENDING)
                    .setParameter("now", now).setMaxResults(1).getResultList());
            if (next.isEmpty()) {
                break;
            }
            Boolean delivered = attempt(next.get(0));
            if (delivered == null) {
                break;
            }
            attempts++;
            if (!delivered) {
                break;
            }
        }
        return attempts;
    }

    /** Queues the receiver's changes since its position; the row lock keeps two runs from queuing twice. */
    private void queue(UUID webhookId) {
        Webhook w = em.find(Webhook.class, webhookId, LockModeType.PESSIMISTIC_WRITE);
        if (w == null || !w.active) {
            return;
        }
        // A partner key's receiver gets what that key may see on /v1/changes (decision 162); a revoked key's stops.
        Caller receiver = w.keyId == null ? RECEIVER : apiKeys.caller(w.keyId).orElse(null);
        if (receiver == null) {
            w.active = false;
            Log.infof("Webhook %s deactivated: its key is revoked", w.id);
            return;
        }
        Set<String> types = Set.of(w.eventTypes.split(","));
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        ChangePage page;
        int pages = 0;
        do {
            page = feed.page(w.lastSeq, QUEUE_PAGE, receiver);
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

    /** One attempt: true when delivered, false when it failed, null when there was nothing to send. */
    private Boolean attempt(UUID deliveryId) {
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
            return null;
        }
        byte[] body = target.payload().getBytes(StandardCharsets.UTF_8);
        long timestamp = Instant.now(clock).getEpochSecond();
        Outcome outcome = send(URI.create(target.url()), deliveryId, WebhookSigner.header(target.secret(), timestamp, body), body);
        QuarkusTransaction.requiringNew().run(() -> record(deliveryId, outcome.status(), outcome.error()));
        return outcome.error() == null;
    }

    /** The answer's status, or why there was none (in words fit for the delivery log: no addresses, no library text). */
    private record Outcome(Integer status, String error) {
    }

    private Outcome send(URI uri, UUID deliveryId, String signature, byte[] body) {
        InetAddress address;
        try {
            address = targets.address(uri);
        } catch (WebhookTargets.Refused e) {
            return new Outcome(null, e.getMessage());
        }
        boolean tls = "https".equalsIgnoreCase(uri.getScheme());
        int port = uri.getPort() == -1 ? (tls ? 443 : 80) : uri.getPort();
        String host = WebhookTargets.host(uri);
        String path = (uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath())
                + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        long deadline = config.timeout().toMillis();
        RequestOptions options = new RequestOptions().setMethod(HttpMethod.POST)
                // Connect to the address just checked, never to whatever the name resolves to a moment later.
                .setServer(SocketAddress.inetSocketAddress(new InetSocketAddress(address, port)))
                .setHost(host.contains(":") ? "[" + host + "]" : host).setPort(port).setSsl(tls).setURI(path)
                .setFollowRedirects(false).setConnectTimeout(deadline)
                .putHeader("Content-Type", "application/json")
                .putHeader("User-Agent", "Dispatch-Webhooks/1")
                .putHeader("Dispatch-Delivery", deliveryId.toString())
                .putHeader(WebhookSigner.HEADER, signature);
        AtomicBoolean abandoned = new AtomicBoolean();
        AtomicReference<HttpClientRequest> sent = new AtomicReference<>();
        CompletableFuture<Integer> answer = http.request(options).compose(request -> {
            sent.set(request);
            if (abandoned.get()) {
                request.reset();
            }
            return request.send(Buffer.buffer(body));
        }).compose(response -> {
            int status = response.statusCode();
            // The body is dropped as it arrives (no handler is set: a short body may have ended before this runs, and
            // setting one then throws). The receiver has answered: a connection closed while the rest of its body is
            // read does not undo that.
            return response.end().map(done -> status).otherwise(status);
        }).toCompletionStage().toCompletableFuture();
        try {
            int status = answer.get(deadline, TimeUnit.MILLISECONDS);
            return new Outcome(status, status < 200 || status > 299 ? "HTTP " + status : null);
        } catch (TimeoutException e) {
            abandoned.set(true);
            HttpClientRequest request = sent.get();
            if (request != null) {
                request.reset();
            }
            return new Outcome(null, "timed out");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(null, "interrupted");
        } catch (ExecutionException e) {
            return new Outcome(null, describe(e.getCause()));
        }
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

    private static String describe(Throwable e) {
        if (e instanceof io.netty.channel.ConnectTimeoutException || e instanceof java.util.concurrent.TimeoutException
                || e instanceof io.vertx.core.impl.NoStackTraceTimeoutException) {
            return "timed out";
        }
        if (e instanceof java.net.ConnectException) {
            return "connection refused";
        }
        if (e instanceof javax.net.ssl.SSLException) {
            return "TLS failed";
        }
        if (e instanceof io.vertx.core.http.HttpClosedException) {
            return "connection closed";
        }
        Log.debugf(e, "Webhook request failed");
        return "request failed";
    }
}
