package news.dispatch.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The cluster of {@code deploy/local-cluster} on the packaged application (run by failsafe after {@code package},
 * PostgreSQL suite only): a PostgreSQL primary and replica of the test's own, two Dispatch instances and Varnish
 * with {@code deploy/varnish/dispatch.vcl} in front. What one instance writes is served by the other and through
 * the edge within a second, a story taken down is gone everywhere within a second, keyed answers are never kept by
 * the edge, an instance killed under load fails no request that went through the edge, a key's rate limit holds
 * across the instances (Redis), and the replica stopped under load fails no read.
 */
@ExtendWith(PrivatePostgresAvailable.class)
class LocalClusterIT {

    static final String ADMIN_KEY = "local-cluster-it-admin-key-0123456789abcdef";
    static final Duration VISIBLE_WITHIN = Duration.ofSeconds(1);
    static final ObjectMapper JSON = new ObjectMapper();
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    static Path dir;
    static Map<String, String> env;
    static int edge;
    static int[] api;

    @BeforeAll
    static void up() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/sbin/varnishd")) || root(),
                "needs Varnish (Debian packages varnish and varnish-modules), or root to install it");
        dir = Files.createTempDirectory("dispatch-cluster-");
        int[] ports = freePorts(7);
        edge = ports[0];
        api = new int[] {ports[1], ports[2]};
        env = Map.ofEntries(
                Map.entry("CLUSTER_DIR", dir.toString()),
                Map.entry("CLUSTER_NAME", "dispatch_it_" + ProcessHandle.current().pid()),
                Map.entry("EDGE_PORT", String.valueOf(edge)),
                Map.entry("API_PORTS", ports[1] + " " + ports[2]),
                Map.entry("MGMT_PORTS", ports[3] + " " + ports[4]),
                Map.entry("PG_PORTS", ports[5] + " " + ports[6]),
                Map.entry("ADMIN_KEY", ADMIN_KEY),
                Map.entry("JAR", System.getProperty("dispatch.it.jar", "target/quarkus-app/quarkus-run.jar")),
                // All readers here come through Varnish from one address, or with one key.
                Map.entry("DISPATCH_ACCESS_RATE_LIMIT_ANONYMOUS", "1000000"),
                Map.entry("DISPATCH_ACCESS_RATE_LIMIT_ADMIN", "1000000"),
                // What is tested is the sharing: on a busy test machine Redis' 100 ms would often be given up on.
                Map.entry("DISPATCH_REDIS_TIMEOUT", "3s"));
        script("up");
    }

    @AfterAll
    static void down() throws Exception {
        if (env != null) {
            script("down");
        }
    }

    @Test
    void aWriteOnOneInstanceIsServedByTheOtherAndThroughTheEdgeWithinASecond() throws Exception {
        JsonNode article = firstArticle();
        String path = "/v1/articles/" + article.path("slug").asText();
        for (String base : bases()) {
            get(base + path); // every cache holds the story now
            get(base + path);
        }
        assertThat(get(edgeBase() + path).headers().firstValue("X-Cache")).hasValue("hit");

        String headline = "Edited on instance a " + System.nanoTime();
        String resource = apiBase(0) + "/v1/articles/" + article.path("id").asText();
        String etag = send(HttpRequest.newBuilder(URI.create(resource)).header("Authorization", "Bearer " + ADMIN_KEY).GET())
                .headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> edit = send(HttpRequest.newBuilder(URI.create(resource)).header("If-Match", etag)
                .header("Authorization", "Bearer " + ADMIN_KEY).header("Content-Type", "application/merge-patch+json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString("{\"headline\":\"" + headline + "\"}")));
        assertThat(edit.statusCode()).isEqualTo(200);
        long committed = System.nanoTime();

        for (String base : bases()) {
            Duration took = until(base + path, r -> r.statusCode() == 200 && r.body().contains(headline));
            assertThat(took).as("the edit seen at %s", base).isLessThanOrEqualTo(VISIBLE_WITHIN);
        }
        assertThat(Duration.ofNanos(System.nanoTime() - committed)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void aStoryTakenDownIsGoneEverywhereWithinASecond() throws Exception {
        List<JsonNode> articles = articles();
        JsonNode article = articles.get(articles.size() - 1);
        String path = "/v1/articles/" + article.path("slug").asText();
        for (String base : bases()) {
            get(base + path);
            get(base + path);
        }
        HttpResponse<String> down = send(HttpRequest.newBuilder(URI.create(apiBase(1) + path + "/unpublish"))
                .header("Authorization", "Bearer " + ADMIN_KEY).POST(HttpRequest.BodyPublishers.noBody()));
        assertThat(down.statusCode()).isEqualTo(200);
        for (String base : bases()) {
            Duration took = until(base + path, r -> r.statusCode() == 404 || r.statusCode() == 410);
            assertThat(took).as("the story gone from %s", base).isLessThanOrEqualTo(VISIBLE_WITHIN);
        }
    }

    @Test
    void keyedAnswersAreNeverKeptByTheEdge() throws Exception {
        String path = "/v1/articles/" + firstArticle().path("slug").asText() + "?fields=headline";
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> keyed = send(HttpRequest.newBuilder(URI.create(edgeBase() + path))
                    .header("Authorization", "Bearer " + ADMIN_KEY).GET());
            assertThat(keyed.statusCode()).isEqualTo(200);
            assertThat(keyed.headers().firstValue("Cache-Control").orElse("")).contains("private");
            assertThat(keyed.headers().firstValue("X-Cache")).hasValue("pass");
        }
        // Keys in the query string (for clients that cannot set headers) are private too.
        for (int i = 0; i < 2; i++) {
            HttpResponse<String> keyed = get(edgeBase() + path + "&apiKey=" + ADMIN_KEY);
            assertThat(keyed.headers().firstValue("X-Cache")).hasValue("pass");
        }
        // And an anonymous reader of the same address gets the public answer, not a keyed one.
        HttpResponse<String> anonymous = get(edgeBase() + path);
        assertThat(anonymous.headers().firstValue("Cache-Control").orElse("")).startsWith("public");
    }

    @Test
    void anInstanceKilledUnderLoadFailsNoRequestThroughTheEdge() throws Exception {
        List<JsonNode> articles = articles().subList(0, 3); // not the one another test takes down
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger sent = new AtomicInteger();
        Map<String, Integer> failures = new ConcurrentHashMap<>();
        ExecutorService readers = Executors.newFixedThreadPool(4);
        for (int t = 0; t < 4; t++) {
            readers.submit(() -> {
                int i = 0;
                while (running.get()) {
                    // Keyed reads, which the edge passes on: every one reaches an instance.
                    String slug = articles.get(i++ % articles.size()).path("slug").asText();
                    String url = edgeBase() + "/v1/articles/" + slug + "?fields=headline";
                    try {
                        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(url))
                                .header("Authorization", "Bearer " + ADMIN_KEY).GET());
                        if (r.statusCode() != 200) {
                            failures.merge("HTTP " + r.statusCode(), 1, Integer::sum);
                        }
                    } catch (IOException e) {
                        failures.merge(e.getClass().getSimpleName(), 1, Integer::sum);
                    } catch (InterruptedException e) {
                        return null;
                    }
                    sent.incrementAndGet();
                }
                return null;
            });
        }
        try {
            Thread.sleep(1500);
            int before = sent.get();
            long pid = Long.parseLong(Files.readString(dir.resolve("dispatch-b.pid")).trim());
            ProcessHandle.of(pid).ifPresent(ProcessHandle::destroyForcibly); // SIGKILL: no draining
            Thread.sleep(4000);
            assertThat(sent.get()).as("reads went on while b was down").isGreaterThan(before + 20);
            script("restart", "b");
            Thread.sleep(2000);
        } finally {
            running.set(false);
            readers.shutdown();
            assertThat(readers.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(failures).as("failed requests out of %d", sent.get()).isEmpty();
        assertThat(sent.get()).isGreaterThan(100);
    }

    @Test
    void aKeysRateLimitHoldsAcrossTheInstances() throws Exception {
        assumeTrue(redisAnswers(), "needs Redis on 127.0.0.1:6379 (the cluster shares rate limits through it)");
        HttpResponse<String> created = send(HttpRequest.newBuilder(URI.create(apiBase(0) + "/v1/admin/api-keys"))
                .header("Authorization", "Bearer " + ADMIN_KEY).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Shared limit partner\",\"role\":\"partner\",\"rateLimit\":6}")));
        assertThat(created.statusCode()).isEqualTo(201);
        String key = JSON.readTree(created.body()).path("secret").asText();
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            statuses.add(send(HttpRequest.newBuilder(URI.create(apiBase(i % 2) + "/v1/sections"))
                    .header("Authorization", "Bearer " + key).GET()).statusCode());
        }
        // Six requests in the window, whichever instance took them; each instance alone saw only four.
        assertThat(statuses).containsExactly(200, 200, 200, 200, 200, 200, 429, 429);
    }

    @Test
    void theReplicaStoppedUnderLoadFailsNoRead() throws Exception {
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicInteger sent = new AtomicInteger();
        Map<String, Integer> failures = new ConcurrentHashMap<>();
        ExecutorService readers = Executors.newFixedThreadPool(4);
        for (int t = 0; t < 4; t++) {
            int reader = t;
            readers.submit(() -> {
                int i = 0;
                while (running.get()) {
                    // Public searches nobody made before: each one is read from the database (the replica while it is up).
                    String url = apiBase(i % 2) + "/v1/search?q=iraq+" + reader + "x" + i++;
                    try {
                        HttpResponse<String> r = get(url);
                        if (r.statusCode() != 200) {
                            failures.merge("HTTP " + r.statusCode(), 1, Integer::sum);
                        }
                    } catch (IOException e) {
                        failures.merge(e.getClass().getSimpleName(), 1, Integer::sum);
                    } catch (InterruptedException e) {
                        return null;
                    }
                    sent.incrementAndGet();
                }
                return null;
            });
        }
        try {
            Thread.sleep(1500);
            postgres("stop", "-m", "immediate");
            Thread.sleep(4000);
            postgres("start");
            Thread.sleep(2000);
        } finally {
            running.set(false);
            readers.shutdown();
            assertThat(readers.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(failures).as("failed reads out of %d", sent.get()).isEmpty();
        assertThat(sent.get()).isGreaterThan(50);
    }

    // --- the cluster

    /** {@code pg_ctlcluster [options] <version> <replica> <action>}: args are the action, then its options. */
    static void postgres(String... args) throws Exception {
        String version;
        try (var versions = Files.list(Path.of("/etc/postgresql"))) {
            version = versions.map(p -> p.getFileName().toString()).max(java.util.Comparator.comparingDouble(Double::parseDouble))
                    .orElseThrow();
        }
        List<String> full = new ArrayList<>(List.of("pg_ctlcluster"));
        full.addAll(List.of(args).subList(1, args.length));
        full.add(version);
        full.add(env.get("CLUSTER_NAME") + "_replica");
        full.add(args[0]);
        Process process = new ProcessBuilder(full).redirectErrorStream(true).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(String.join(" ", full) + ": " + new String(process.getInputStream().readAllBytes())).isZero();
    }

    static boolean redisAnswers() {
        try (java.net.Socket socket = new java.net.Socket()) {
            socket.connect(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), 6379), 1000);
            socket.getOutputStream().write("PING\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            byte[] answer = new byte[7];
            socket.setSoTimeout(1000);
            int read = socket.getInputStream().read(answer);
            return read > 0 && new String(answer, 0, read, java.nio.charset.StandardCharsets.US_ASCII).startsWith("+PONG");
        } catch (IOException e) {
            return false;
        }
    }

    static String edgeBase() {
        return "http://127.0.0.1:" + edge;
    }

    static String apiBase(int i) {
        return "http://127.0.0.1:" + api[i];
    }

    static List<String> bases() {
        return List.of(apiBase(0), apiBase(1), edgeBase());
    }

    static void script(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("bash", "deploy/local-cluster"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("script.log").toFile());
        builder.environment().putAll(env);
        Process process = builder.start();
        boolean finished = process.waitFor(5, TimeUnit.MINUTES);
        if (!finished) {
            process.destroyForcibly();
        }
        String output = Files.readString(dir.resolve("script.log"));
        assertThat(finished && process.exitValue() == 0).as("deploy/local-cluster %s: %s", String.join(" ", args), output).isTrue();
    }

    static JsonNode firstArticle() throws Exception {
        return articles().get(0);
    }

    static List<JsonNode> articles() throws Exception {
        HttpResponse<String> list = get(apiBase(0) + "/v1/articles?limit=50&fields=id,slug,headline");
        assertThat(list.statusCode()).isEqualTo(200);
        List<JsonNode> items = new ArrayList<>();
        JSON.readTree(list.body()).path("items").forEach(items::add);
        assertThat(items).hasSizeGreaterThan(3);
        return items;
    }

    /** How long until the answer at this URL passes the test, polled every 20 ms for at most 5 s. */
    static Duration until(String url, Predicate<HttpResponse<String>> test) throws Exception {
        long start = System.nanoTime();
        while (true) {
            HttpResponse<String> r = get(url);
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            if (test.test(r) || took.compareTo(Duration.ofSeconds(5)) > 0) {
                return test.test(r) ? took : Duration.ofSeconds(5).plusMillis(1);
            }
            Thread.sleep(20);
        }
    }

    static HttpResponse<String> get(String url) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(url)).GET());
    }

    static HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return HTTP.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static int[] freePorts(int n) throws IOException {
        int[] ports = new int[n];
        List<ServerSocket> held = new ArrayList<>();
        try {
            for (int i = 0; i < n; i++) {
                ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                held.add(socket);
                ports[i] = socket.getLocalPort();
            }
        } finally {
            for (ServerSocket s : held) {
                s.close();
            }
        }
        return ports;
    }

    static boolean root() {
        return "root".equals(System.getProperty("user.name"));
    }
}
