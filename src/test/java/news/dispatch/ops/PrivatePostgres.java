package news.dispatch.ops;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A PostgreSQL cluster of the test's own, made with Debian's postgresql-common tools on a free port,
 * so an outage can be staged without touching the shared server on 5432. It is created stopped (the
 * application must start without its database) and dropped when the test ends; clusters left by a
 * test run that died are dropped on the next start. Requires root or the postgres user.
 */
public class PrivatePostgres implements QuarkusTestResourceLifecycleManager {

    private static final String PREFIX = "dispatch_outage_";
    private static final Path ETC = Path.of("/etc/postgresql");

    private static String version;
    private static String name;
    private static int port;

    /** Null when a private cluster can be made here, else why not. */
    public static String unusableBecause() {
        for (String tool : List.of("pg_createcluster", "pg_ctlcluster", "pg_dropcluster")) {
            if (which(tool).isEmpty()) {
                return tool + " is not installed (Debian/Ubuntu package postgresql-common)";
            }
        }
        Optional<String> v = newestVersion();
        if (v.isEmpty()) {
            return "no PostgreSQL server version under " + ETC;
        }
        String user = System.getProperty("user.name");
        if (!"root".equals(user) && !"postgres".equals(user)) {
            return "pg_createcluster needs root or the postgres user, not " + user;
        }
        if (!Files.isWritable(ETC.resolve(v.get()))) {
            return ETC.resolve(v.get()) + " is not writable by " + user;
        }
        return null;
    }

    @Override
    public Map<String, String> start() {
        String url = create();
        return Map.of(
                "quarkus.datasource.jdbc.url", url,
                "%pg.quarkus.datasource.jdbc.url", url,
                "quarkus.datasource.username", "postgres",
                "%pg.quarkus.datasource.username", "postgres");
    }

    @Override
    public void stop() {
        drop();
    }

    /** Creates the cluster, stopped, and returns the JDBC URL of its {@code postgres} database (user postgres, trust). */
    public static String create() {
        version = newestVersion().orElseThrow();
        dropAbandoned();
        port = freePort();
        name = PREFIX + ProcessHandle.current().pid() + "_" + port;
        run("pg_createcluster", "--start-conf=manual", "-p", String.valueOf(port), version, name,
                "--", "--auth=trust", "--encoding=UTF8");
        Runtime.getRuntime().addShutdownHook(new Thread(PrivatePostgres::drop));
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    public static void startServer() {
        run("pg_ctlcluster", version, name, "start");
    }

    /** {@code immediate} is a crash (no checkpoint, clients cut off); {@code fast} a clean stop. */
    public static void stopServer(String mode) {
        run("pg_ctlcluster", "-m", mode, version, name, "stop");
    }

    public static int port() {
        return port;
    }

    /** Stops and removes the cluster (also done at JVM exit). */
    public static synchronized void drop() {
        if (name != null) {
            run("pg_dropcluster", "--stop", version, name);
            name = null;
        }
    }

    private static void dropAbandoned() {
        try (Stream<Path> clusters = Files.list(ETC.resolve(version))) {
            for (Path dir : clusters.toList()) {
                String n = dir.getFileName().toString();
                if (n.startsWith(PREFIX)) {
                    long pid = Long.parseLong(n.substring(PREFIX.length()).split("_")[0]);
                    if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                        continue;
                    }
                    run("pg_dropcluster", "--stop", version, n);
                }
            }
        } catch (IOException | NumberFormatException e) {
            throw new IllegalStateException("Cannot list " + ETC.resolve(version), e);
        }
    }

    private static Optional<String> newestVersion() {
        if (!Files.isDirectory(ETC)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(ETC)) {
            return versions.map(p -> p.getFileName().toString())
                    .filter(v -> v.matches("\\d+(\\.\\d+)?"))
                    .filter(v -> Files.isExecutable(Path.of("/usr/lib/postgresql", v, "bin", "postgres")))
                    .max(Comparator.comparingDouble(Double::parseDouble));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static Optional<Path> which(String tool) {
        return Stream.of(System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":"))
                .map(dir -> Path.of(dir, tool)).filter(Files::isExecutable).findFirst();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static void run(String... command) {
        List<String> cmd = new ArrayList<>(List.of(command));
        try {
            Path log = Files.createTempFile("pg-cluster", ".log");
            try {
                Process process = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
                if (!process.waitFor(120, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new IllegalStateException(String.join(" ", cmd) + " did not finish in 120 s");
                }
                if (process.exitValue() != 0) {
                    throw new IllegalStateException(String.join(" ", cmd) + " failed (" + process.exitValue() + "): "
                            + Files.readString(log));
                }
            } finally {
                Files.deleteIfExists(log);
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot run " + String.join(" ", cmd), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
