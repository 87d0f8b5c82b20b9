package news.dispatch.cache;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Invalidation across instances (docs/decisions/087-invalidation-across-instances.md): every instance on the same
 * PostgreSQL database drops the cached answers a write touched, whichever instance wrote it.
 * <ul>
 *   <li>The writing transaction sends its purge keys with {@code pg_notify} before it commits
 *       ({@link ContentWriteInterceptor}); PostgreSQL delivers the notification at commit, and never for a
 *       transaction that rolled back.</li>
 *   <li>Each instance listens on a connection of its own ({@code LISTEN dispatch_purge}) and invalidates the keys
 *       it receives from other instances, in the order of the commits.</li>
 *   <li>A listener that lost its connection cannot know what it missed: once it is connected again it drops its
 *       whole cache; so does one that starts listening after it began answering.</li>
 * </ul>
 * Off on H2 (the embedded database serves one instance) and with {@code dispatch.cache.broadcast=false}.
 */
@Singleton
public class PurgeBroadcast {

    private static final Logger LOG = Logger.getLogger(PurgeBroadcast.class);

    /** The notification channel. */
    public static final String CHANNEL = "dispatch_purge";
    /** PostgreSQL takes payloads under 8,000 bytes; a longer list of keys goes as "everything". */
    static final int MAX_PAYLOAD = 7900;

    private final ContentCache cache;
    private final ObjectMapper json;
    private final boolean enabled;
    private final String url;
    private final String user;
    private final String password;
    private final String instance = UUID.randomUUID().toString();
    private final AtomicBoolean running = new AtomicBoolean();
    private final Counter received;
    private final Counter reconnects;
    private volatile boolean connected;
    private volatile Thread listener;
    private volatile Connection connection;

    public PurgeBroadcast(ContentCache cache, ObjectMapper json, MeterRegistry registry, CacheConfig config,
                          @ConfigProperty(name = "quarkus.datasource.db-kind") String dbKind,
                          @ConfigProperty(name = "quarkus.datasource.jdbc.url") String url,
                          @ConfigProperty(name = "quarkus.datasource.username") Optional<String> user,
                          @ConfigProperty(name = "quarkus.datasource.password") Optional<String> password) {
        this.cache = cache;
        this.json = json;
        this.enabled = config.broadcast() && dbKind.startsWith("postgres");
        this.url = url;
        this.user = user.orElse("");
        this.password = password.orElse("");
        this.received = Counter.builder("dispatch.cache.broadcast.received")
                .description("Invalidations received from other instances").register(registry);
        this.reconnects = Counter.builder("dispatch.cache.broadcast.reconnects")
                .description("Times the invalidation listener connected again after losing its connection (each clears the cache)")
                .register(registry);
        Gauge.builder("dispatch.cache.broadcast.connected", this, b -> b.connected ? 1 : 0)
                .description("1 while this instance listens for other instances' invalidations").register(registry);
    }

    /** Whether writes are announced to other instances and theirs are heard. */
    public boolean enabled() {
        return enabled;
    }

    /** Whether the listener is connected now. */
    public boolean connected() {
        return connected;
    }

    /**
     * Announces the keys a transaction touched, on that transaction's own connection, so other instances hear of
     * it exactly when (and if) it commits.
     */
    public void announce(Connection transaction, Collection<String> keys) throws SQLException {
        if (!enabled || keys.isEmpty()) {
            return;
        }
        try (PreparedStatement notify = transaction.prepareStatement("select pg_notify(?, ?)")) {
            notify.setString(1, CHANNEL);
            notify.setString(2, payload(keys));
            notify.execute();
        }
    }

    String payload(Collection<String> keys) {
        try {
            String payload = json.writeValueAsString(new Message(instance, keys.contains(ContentCache.ALL_KEY)
                    ? List.of(ContentCache.ALL_KEY) : List.copyOf(keys)));
            if (payload.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_PAYLOAD) {
                payload = json.writeValueAsString(new Message(instance, List.of(ContentCache.ALL_KEY)));
            }
            return payload;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What a notification carries: the sending instance and the keys. */
    record Message(String i, List<String> k) {
    }

    /**
     * A write that bypassed Hibernate (bulk SQL) fired {@link ContentChanged} inside its transaction: announced on
     * the transaction's connection as the entity writes are.
     */
    void onContentChanged(@Observes ContentChanged event) {
        if (!enabled) {
            return;
        }
        try (Connection transaction = io.quarkus.arc.Arc.container().instance(io.agroal.api.AgroalDataSource.class).get()
                .getConnection()) {
            announce(transaction, event.keys() == null ? List.of(ContentCache.ALL_KEY) : event.keys());
        } catch (SQLException e) {
            LOG.warnf("Could not announce a write's invalidation to the other instances (%s)", e.getMessage());
        }
    }

    void start(@Observes StartupEvent event) {
        if (!enabled || !running.compareAndSet(false, true)) {
            return;
        }
        Thread thread = new Thread(this::listen, "dispatch-purge-listener");
        thread.setDaemon(true);
        listener = thread;
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) {
        running.set(false);
        Thread thread = listener;
        if (thread != null) {
            thread.interrupt();
            closeQuietly(connection);
        }
    }

    private void listen() {
        long backoff = 100;
        boolean first = true;
        while (running.get()) {
            try (Connection c = connect()) {
                connection = c;
                try (Statement listen = c.createStatement()) {
                    listen.execute("LISTEN " + CHANNEL);
                }
                connected = true;
                // Whatever was cached before listening may have missed a write: start from nothing (and, with a read
                // replica, read from the primary until it has replayed whatever that write was; decision 093).
                cache.replicaWritten();
                cache.invalidateAll();
                if (!first) {
                    reconnects.increment();
                    LOG.info("Listening again for other instances' invalidations; the application cache was cleared");
                }
                first = false;
                backoff = 100;
                PGConnection pg = c.unwrap(PGConnection.class);
                long quiet = 0;
                while (running.get()) {
                    PGNotification[] notifications = pg.getNotifications(1000);
                    if (notifications == null || notifications.length == 0) {
                        if (++quiet % 15 == 0) { // a connection dropped without a word shows itself here
                            try (Statement ping = c.createStatement()) {
                                ping.execute("select 1");
                            }
                        }
                        continue;
                    }
                    for (PGNotification n : notifications) {
                        receive(n.getParameter());
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (connected) {
                    LOG.warnf("Lost the connection that listens for other instances' invalidations (%s); connecting again",
                            e.getMessage());
                }
            } finally {
                connected = false;
                connection = null;
            }
            if (running.get()) {
                try {
                    Thread.sleep(backoff);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                backoff = Math.min(5000, backoff * 2);
            }
        }
    }

    void receive(String payload) {
        try {
            JsonNode message = json.readTree(payload);
            if (instance.equals(message.path("i").asText())) {
                return; // this instance invalidated after its own commit already
            }
            List<String> keys = new ArrayList<>();
            message.path("k").forEach(k -> keys.add(k.asText()));
            received.increment();
            // Delivered after the write committed: until the replica has replayed it, reads go to the primary.
            cache.replicaWritten();
            if (keys.isEmpty() || keys.contains(ContentCache.ALL_KEY)) {
                cache.invalidateAll();
            } else {
                cache.heard(Set.copyOf(keys));
            }
        } catch (JsonProcessingException | RuntimeException e) {
            LOG.warnf("An invalidation notification could not be read (%s): clearing the application cache", e.getMessage());
            cache.replicaWritten();
            cache.invalidateAll();
        }
    }

    private Connection connect() throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        properties.setProperty("ApplicationName", "dispatch-purge-listener");
        properties.setProperty("connectTimeout", "2");
        properties.setProperty("tcpKeepAlive", "true");
        return DriverManager.getConnection(url, properties);
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // closing a broken connection
            }
        }
    }
}
