package news.dispatch.replica;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A private PostgreSQL primary and a streaming replica of it, made with Debian's postgresql-common tools on free
 * ports (like {@code ops/PrivatePostgres}): the primary is created and started, the replica is a second cluster whose
 * data directory is replaced by {@code pg_basebackup -R} of the primary (standby.signal and primary_conninfo), then
 * started. The application gets the primary as its datasource and the replica as {@code replica}. Both are dropped
 * when the test ends; pairs left by a test run that died are dropped on the next start.
 */
public class PrivateReplicaPair implements QuarkusTestResourceLifecycleManager {

    private static final String PREFIX = "dispatch_replica_";
    private static final Path ETC = Path.of("/etc/postgresql");

    private static String version;
    private static String primaryName;
    private static String replicaName;
    private static int primaryPort;
    private static int replicaPort;

    @Override
    public Map<String, String> start() {
        create();
        return Map.of(
                "quarkus.datasource.jdbc.url", primaryUrl(),
                "%pg.quarkus.datasource.jdbc.url", primaryUrl(),
                "quarkus.datasource.username", "postgres",
                "%pg.quarkus.datasource.username", "postgres",
                "quarkus.datasource.replica.jdbc.url", replicaUrl(),
                "quarkus.datasource.replica.username", "postgres");
    }

    @Override
    public void stop() {
        drop();
    }

    public static String primaryUrl() {
        return "jdbc:postgresql://127.0.0.1:" + primaryPort + "/postgres";
    }

    public static String replicaUrl() {
        return "jdbc:postgresql://127.0.0.1:" + replicaPort + "/postgres";
    }

    public static Connection primary() throws SQLException {
        return DriverManager.getConnection(primaryUrl(), "postgres", "");
    }

    public static Connection replica() throws SQLException {
        return DriverManager.getConnection(replicaUrl(), "postgres", "");
    }

    static synchronized void create() {
        version = newestVersion();
        dropAbandoned();
        long pid = ProcessHandle.current().pid();
        primaryPort = freePort();
        primaryName = PREFIX + pid + "_" + primaryPort;
        run("pg_createcluster", "--start-conf=manual", "-p", String.valueOf(primaryPort), version, primaryName,
                "--", "--auth=trust", "--encoding=UTF8");
        Runtime.getRuntime().addShutdownHook(new Thread(PrivateReplicaPair::drop));
        // wal_level=replica and max_wal_senders=10 are the defaults; initdb's pg_hba allows replication from
        // 127.0.0.1 with the --auth method (trust).
        run("pg_ctlcluster", version, primaryName, "start");
        replicaPort = freePort();
        replicaName = PREFIX + pid + "_" + replicaPort;
        run("pg_createcluster", "--start-conf=manual", "-p", String.valueOf(replicaPort), version, replicaName,
                "--", "--auth=trust", "--encoding=UTF8");
        Path data = Path.of("/var/lib/postgresql", version, replicaName);
        run("find", data.toString(), "-mindepth", "1", "-delete");
        run("runuser", "-u", "postgres", "--", "/usr/lib/postgresql/" + version + "/bin/pg_basebackup",
                "-h", "127.0.0.1", "-p", String.valueOf(primaryPort), "-U", "postgres", "-D", data.toString(),
                "-R", "-X", "stream", "-c", "fast");
        startReplica();
    }

    public static void startReplica() {
        run("pg_ctlcluster", version, replicaName, "start");
    }

    /** {@code immediate}: a crash, clients cut off. */
    public static void stopReplica(String mode) {
        run("pg_ctlcluster", "-m", mode, version, replicaName, "stop");
    }

    static synchronized void drop() {
        if (replicaName != null) {
            run("pg_dropcluster", "--stop", version, replicaName);
            replicaName = null;
        }
        if (primaryName != null) {
            run("pg_dropcluster", "--stop", version, primaryName);
            primaryName = null;
        }
    }

    private static void dropAbandoned() {
        try (Stream<Path> clusters = Files.list(ETC.resolve(version))) {
            for (Path dir : clusters.toList()) {
                String n = dir.getFileName().toString();
                if (n.startsWith(PREFIX)) {
                    long pid = Long.parseLong(n.substring(PREFIX.length()).split("_")[0]);
                    if (!ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                        run("pg_dropcluster", "--stop", version, n);
                    }
                }
            }
        } catch (IOException | NumberFormatException e) {
            throw new IllegalStateException("Cannot list " + ETC.resolve(version), e);
        }
    }

    private static String newestVersion() {
        try (Stream<Path> versions = Files.list(ETC)) {
            return versions.map(p -> p.getFileName().toString())
                    .filter(v -> v.matches("\\d+(\\.\\d+)?"))
                    .filter(v -> Files.isExecutable(Path.of("/usr/lib/postgresql", v, "bin", "pg_basebackup")))
                    .max(Comparator.comparingDouble(Double::parseDouble)).orElseThrow();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
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
            Path log = Files.createTempFile("pg-replica", ".log");
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
