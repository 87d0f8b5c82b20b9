package news.dispatch.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Graceful shutdown of the packaged application ({@code target/quarkus-app/quarkus-run.jar}, run by failsafe
 * after {@code package}) as a real process on a private PostgreSQL cluster. Requests are held in flight by a
 * table lock taken from a separate JDBC connection, so they are genuinely waiting on the database when the
 * process gets SIGTERM; nothing in the product exists for this test.
 */
@ExtendWith(PrivatePostgresAvailable.class)
class GracefulShutdownIT {

    /** The shipped defaults (application.properties, Dockerfile, docs/operations.md). */
    static final Duration DELAY = Duration.ofSeconds(5);
    static final Duration TIMEOUT = Duration.ofSeconds(30);
    static final String ADMIN_KEY = "graceful-shutdown-admin-key-0123456789";
    static final ObjectMapper JSON = new ObjectMapper();

    static String databaseUrl;

    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void cluster() {
        databaseUrl = PrivatePostgres.create();
        PrivatePostgres.startServer();
    }

    @AfterAll
    static void dropCluster() {
        PrivatePostgres.drop();
    }

    @Test
    void inFlightRequestsFinishThenTheProcessExitsWithinDelayPlusTimeout() throws Exception {
        App app = App.start("defaults", Map.of());
        try (Connection lock = DriverManager.getConnection(databaseUrl, "postgres", "")) {
            String editor = app.editorKey();
            Article article = app.createArticle(editor, "Before the shutdown");

            // Both requests wait on the article table, locked by another session.
            lockArticles(lock);
            CompletableFuture<HttpResponse<String>> read = HTTP.sendAsync(
                    app.request("/v1/articles/" + article.id()).GET().build(), HttpResponse.BodyHandlers.ofString());
            CompletableFuture<HttpResponse<String>> write = app.retitle(editor, article, "Finished during the shutdown");
            awaitWaitingOnLock(lock, 2);

            long sigterm = System.nanoTime();
            app.terminate();

            // Shutdown delay: readiness is down at once; new requests are still served, each on a connection that
            // then closes (Connection: close), so keep-alive clients reconnect to another instance.
            Thread.sleep(1000);
            HttpResponse<String> ready = app.probe("/q/health/ready");
            assertThat(ready.statusCode()).isEqualTo(503);
            JsonNode readiness = JSON.readTree(ready.body());
            assertThat(readiness.path("status").asText()).isEqualTo("DOWN");
            assertThat(readiness.path("checks").findValuesAsText("name")).contains("Graceful Shutdown", "Database schema");
            assertThat(app.probe("/q/health/live").statusCode()).isEqualTo(200);
            assertServedAndClosed(app.get("/v1/sections"));

            // After the delay Quarkus waits for the in-flight requests (and the process with them); a request that
            // still arrives is served the same way, not refused.
            sleepUntil(sigterm, DELAY.plusMillis(1500));
            assertThat(read).isNotDone();
            assertThat(write).isNotDone();
            assertThat(app.process.isAlive()).isTrue();
            assertServedAndClosed(app.get("/v1/sections"));

            lock.rollback();
            HttpResponse<String> readDone = read.get(10, TimeUnit.SECONDS);
            assertThat(readDone.statusCode()).isEqualTo(200);
            assertThat(JSON.readTree(readDone.body()).path("headline").asText()).isEqualTo("Before the shutdown");
            HttpResponse<String> writeDone = write.get(10, TimeUnit.SECONDS);
            assertThat(writeDone.statusCode()).as(writeDone.body()).isEqualTo(200);
            assertThat(writeDone.headers().firstValue("ETag")).isPresent();
            assertThat(JSON.readTree(writeDone.body()).path("headline").asText()).isEqualTo("Finished during the shutdown");

            assertThat(app.process.waitFor(DELAY.plus(TIMEOUT).toMillis(), TimeUnit.MILLISECONDS))
                    .as("exited within delay + timeout").isTrue();
            Duration took = Duration.ofNanos(System.nanoTime() - sigterm);
            assertThat(took).isLessThan(DELAY.plus(TIMEOUT));
            // 143 = 128 + SIGTERM: the JVM's status after a stop by signal with its shutdown hooks run.
            assertThat(app.process.exitValue()).isEqualTo(143);
            assertThatThrownBy(() -> app.probe("/q/health/live")).isInstanceOf(ConnectException.class);

            // The write that finished during the shutdown is committed whole: the article and its change-feed entry.
            assertThat(headline(lock, article.id())).isEqualTo("Finished during the shutdown");
            assertThat(changeTypes(lock, article.id())).containsExactly("publish", "update");
        } finally {
            app.kill();
        }
    }

    @Test
    void aRequestStillRunningAtTheTimeoutIsCutOffAndNotApplied() throws Exception {
        Duration delay = Duration.ofSeconds(1);
        Duration timeout = Duration.ofSeconds(3);
        App app = App.start("timeout", Map.of("DISPATCH_SHUTDOWN_DELAY", "1S", "DISPATCH_SHUTDOWN_TIMEOUT", "3S"));
        try (Connection lock = DriverManager.getConnection(databaseUrl, "postgres", "")) {
            String editor = app.editorKey();
            Article article = app.createArticle(editor, "Never changed");

            lockArticles(lock);
            CompletableFuture<HttpResponse<String>> write = app.retitle(editor, article, "Cut off");
            awaitWaitingOnLock(lock, 1);

            long sigterm = System.nanoTime();
            app.terminate();
            assertThat(app.process.waitFor(delay.plus(timeout).plusSeconds(15).toMillis(), TimeUnit.MILLISECONDS)).isTrue();
            Duration took = Duration.ofNanos(System.nanoTime() - sigterm);
            assertThat(app.process.exitValue()).isEqualTo(143);
            assertThat(took).as("waited for the in-flight request for the whole timeout")
                    .isGreaterThanOrEqualTo(delay.plus(timeout).minusMillis(200));
            assertThat(took).as("then stopped anyway").isLessThan(delay.plus(timeout).plusSeconds(5));

            // The client gets no answer (the connection closes), and the write never commits.
            assertThatThrownBy(() -> write.get(10, TimeUnit.SECONDS)).hasCauseInstanceOf(IOException.class);
            lock.rollback();
            assertThat(headline(lock, article.id())).isEqualTo("Never changed");
            assertThat(changeTypes(lock, article.id())).containsExactly("publish");
            assertThat(Files.readString(app.log)).as("the access log says it was not answered")
                    .contains("Timed out waiting for graceful shutdown")
                    .containsPattern("\"message\":\"PATCH /v1/articles/\\{slug} - \\d+\\.\\d ms\"");
        } finally {
            app.kill();
        }
    }

    private static void assertServedAndClosed(HttpResponse<String> response) {
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).startsWith("{\"items\":");
        assertThat(response.headers().firstValue("Connection")).contains("close");
    }

    private static void lockArticles(Connection lock) throws SQLException {
        lock.setAutoCommit(false);
        try (Statement s = lock.createStatement()) {
            s.execute("lock table article in access exclusive mode");
        }
    }

    /**
     * Waits until that many of the application's sessions are blocked on the lock: the requests are really in
     * flight. The background jobs that read articles (due changes, backlog gauges) may be blocked too; their
     * statements (on change_event, counts, due publication times) are left out.
     */
    private static void awaitWaitingOnLock(Connection lock, int sessions) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        int waiting = 0;
        while (System.nanoTime() < deadline) {
            try (Connection c = DriverManager.getConnection(databaseUrl, "postgres", "");
                 Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("select count(*) from pg_stat_activity where wait_event_type = 'Lock'"
                         + " and query not like '%change_event%' and query not like '%count(%'"
                         + " and query not like '%published_at<=%'")) {
                rs.next();
                waiting = rs.getInt(1);
            }
            if (waiting >= sessions) {
                return;
            }
            Thread.sleep(100);
        }
        assertThat(waiting).as("sessions waiting on the lock").isGreaterThanOrEqualTo(sessions);
    }

    private static String headline(Connection c, String id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select headline from article where id = ?::uuid")) {
            s.setString(1, id);
            try (ResultSet rs = s.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return rs.getString(1);
            }
        }
    }

    private static List<String> changeTypes(Connection c, String id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("select type from change_event where article_id = ?::uuid order by seq")) {
            s.setString(1, id);
            try (ResultSet rs = s.executeQuery()) {
                List<String> types = new java.util.ArrayList<>();
                while (rs.next()) {
                    types.add(rs.getString(1));
                }
                return types;
            }
        }
    }

    private static void sleepUntil(long startNanos, Duration after) throws InterruptedException {
        long wait = startNanos + after.toNanos() - System.nanoTime();
        if (wait > 0) {
            Thread.sleep(TimeUnit.NANOSECONDS.toMillis(wait));
        }
    }

    record Article(String id, String etag) {
    }

    /** The packaged application as a child process, logging to target/graceful-shutdown-*.log. */
    static final class App {
        final Process process;
        final int port;
        final int managementPort;
        final Path log;

        private App(Process process, int port, int managementPort, Path log) {
            this.process = process;
            this.port = port;
            this.managementPort = managementPort;
            this.log = log;
        }

        static App start(String name, Map<String, String> env) throws Exception {
            Path jar = Path.of(System.getProperty("dispatch.it.jar", "target/quarkus-app/quarkus-run.jar"));
            assertThat(jar).as("the packaged application (mvn package)").exists();
            int port = freePort();
            int managementPort = freePort();
            Path log = jar.getParent().getParent().resolve("graceful-shutdown-" + name + ".log");
            ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx208m", "-XX:+UseSerialGC", "-jar", jar.toString())
                    .redirectErrorStream(true).redirectOutput(log.toFile());
            Map<String, String> environment = new HashMap<>(Map.of(
                    "DISPATCH_DB_URL", databaseUrl, "DISPATCH_DB_USER", "postgres", "DISPATCH_DB_PASSWORD", "",
                    "DISPATCH_ADMIN_KEY", ADMIN_KEY, "QUARKUS_HTTP_PORT", String.valueOf(port),
                    "QUARKUS_HTTP_HOST", "127.0.0.1", "DISPATCH_MANAGEMENT_PORT", String.valueOf(managementPort),
                    "QUARKUS_MANAGEMENT_HOST", "127.0.0.1"));
            environment.putAll(env);
            builder.environment().putAll(environment);
            App app = new App(builder.start(), port, managementPort, log);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            while (System.nanoTime() < deadline && app.process.isAlive()) {
                try {
                    if (app.probe("/q/health/ready").statusCode() == 200) {
                        return app;
                    }
                } catch (IOException notYet) {
                    // not listening yet
                }
                Thread.sleep(250);
            }
            app.kill();
            throw new AssertionError("The application did not become ready; its log: " + log + "\n" + Files.readString(log));
        }

        HttpRequest.Builder request(String path) {
            return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(60));
        }

        /** A health probe, on the management interface's own port. */
        HttpResponse<String> probe(String path) throws IOException, InterruptedException {
            return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + managementPort + path))
                    .timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> get(String path) throws IOException, InterruptedException {
            return HTTP.send(request(path).timeout(Duration.ofSeconds(10)).GET().build(), HttpResponse.BodyHandlers.ofString());
        }

        String editorKey() throws Exception {
            HttpResponse<String> created = HTTP.send(request("/v1/admin/api-keys").header("Authorization", "Bearer " + ADMIN_KEY)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Shutdown editor\",\"role\":\"editor\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            return JSON.readTree(created.body()).path("secret").asText();
        }

        Article createArticle(String editor, String headline) throws Exception {
            HttpResponse<String> created = HTTP.send(request("/v1/articles").header("Authorization", "Bearer " + editor)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("headline", headline,
                            "body", Map.of("html", "<p>A story.</p>"), "status", "published")))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
            return new Article(JSON.readTree(created.body()).path("id").asText(), created.headers().firstValue("ETag").orElseThrow());
        }

        /** Sends a PATCH of the headline without waiting for the answer. */
        CompletableFuture<HttpResponse<String>> retitle(String editor, Article article, String headline) throws Exception {
            return HTTP.sendAsync(request("/v1/articles/" + article.id())
                    .header("Authorization", "Bearer " + editor).header("If-Match", article.etag())
                    .header("Content-Type", "application/merge-patch+json")
                    .method("PATCH", HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("headline", headline))))
                    .build(), HttpResponse.BodyHandlers.ofString());
        }

        void terminate() throws Exception {
            assertThat(new ProcessBuilder("kill", "-TERM", String.valueOf(process.pid())).start().waitFor()).isZero();
        }

        void kill() {
            process.destroyForcibly();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
