package org.grassroots.neo4jlocal;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.neo4j.configuration.GraphDatabaseInternalSettings;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.io.ByteUnit;

/**
 * Runs Neo4j Community embedded, with Bolt on 127.0.0.1 only, until SIGTERM or SIGINT.
 *
 * <p>Arguments: {@code --port P --data-dir D --password-file F [--pagecache-mb N] [--tx-timeout-s N]
 * [--tx-monitor-ms N] [--tx-memory-mb N] [--watch-pid PID]}. Prints exactly one
 * {@code READY bolt://127.0.0.1:P} line on stdout once Bolt accepts connections.
 *
 * <p>Auth is on: user {@code neo4j}, with the password held in F (made by the Python side, readable
 * by its owner only; never on the command line, where {@code ps} would show it). A store that does
 * not have that password yet (its first start, or after F changed) gets it in a start without Bolt,
 * so no client can ever log in with the default password meanwhile.
 */
public final class Neo4jLocal {
    private static final String HOST = "127.0.0.1";

    private Neo4jLocal() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = parse(args);
        int port = Integer.parseInt(opts.getOrDefault("port", "7687"));
        Path dataDir = Path.of(opts.getOrDefault("data-dir", "neo4j-data")).toAbsolutePath();
        long pagecacheMb = Long.parseLong(opts.getOrDefault("pagecache-mb", "512"));
        long txTimeoutS = Long.parseLong(opts.getOrDefault("tx-timeout-s", "300"));
        // How often Neo4j looks for transactions past their timeout (its default, 2 s, lets a query
        // with a 3 s limit run 4 s): 100 ms stops them within a tenth of a second of the limit.
        long txMonitorMs = Long.parseLong(opts.getOrDefault("tx-monitor-ms", "100"));
        // Per-transaction memory cap: a runaway query (a huge collect()) fails with a memory error
        // instead of taking the whole heap; all transactions together get at most 70% of the heap.
        long txMemoryMb = Long.parseLong(opts.getOrDefault("tx-memory-mb", "512"));
        long heapMb = Runtime.getRuntime().maxMemory() / (1024 * 1024);
        long globalTxMemoryMb = Math.max(txMemoryMb, heapMb * 7 / 10);
        Files.createDirectories(dataDir);
        if (!opts.containsKey("password-file")) {
            System.err.println("ERROR --password-file is required (auth is always on)");
            System.exit(2);
        }
        String password = Files.readString(Path.of(opts.get("password-file")), StandardCharsets.UTF_8).strip();
        if (password.length() < 8) {
            System.err.println("ERROR the password in " + opts.get("password-file") + " is shorter than 8 characters");
            System.exit(2);
        }

        if (portTaken(port)) {
            System.err.println("ERROR port " + port + " on " + HOST + " is already in use");
            System.exit(3);
        }

        setPasswordIfNew(dataDir, password);

        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(dataDir)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress(HOST, port))
                .setConfig(BoltConnector.advertised_address, new SocketAddress(HOST, port))
                .setConfig(HttpConnector.enabled, false)
                // Bolt waits 5 s twice on shutdown by default; a local server has nobody to wait for.
                .setConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofMillis(500))
                .setConfig(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ofMillis(500))
                .setConfig(GraphDatabaseSettings.auth_enabled, true)
                .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(pagecacheMb))
                .setConfig(GraphDatabaseSettings.transaction_timeout, Duration.ofSeconds(txTimeoutS))
                .setConfig(GraphDatabaseSettings.transaction_monitor_check_interval, Duration.ofMillis(txMonitorMs))
                .setConfig(GraphDatabaseSettings.memory_transaction_max_size, ByteUnit.mebiBytes(txMemoryMb))
                .setConfig(GraphDatabaseSettings.memory_transaction_global_max_size, ByteUnit.mebiBytes(globalTxMemoryMb))
                // dbms.usage_report.enabled=false: no usage data leaves the machine.
                .setConfig(GraphDatabaseSettings.udc_enabled, false)
                .setConfig(GraphDatabaseInternalSettings.udc_network_enabled, false)
                .build();

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            // Closing the store flushes and checkpoints: the next start needs no recovery.
            dbms.shutdown();
            System.out.println("STOPPED");
            System.out.flush();
            stopped.countDown();
        }, "neo4j-local-shutdown"));

        // --watch-pid: a server started for a test run ends with it, even when the run is killed.
        if (opts.containsKey("watch-pid")) {
            long watched = Long.parseLong(opts.get("watch-pid"));
            ProcessHandle.of(watched).ifPresentOrElse(
                    ph -> ph.onExit().thenRun(() -> System.exit(0)),
                    () -> System.exit(0));
        }

        waitForBolt(port, Duration.ofSeconds(120));
        System.out.println("READY bolt://" + HOST + ":" + port);
        System.out.flush();
        stopped.await();
    }

    /**
     * Gives user {@code neo4j} the password, in a start of the store without Bolt, when the store
     * does not have it yet. A marker beside the store holds the password's SHA-256, so later starts
     * skip this.
     */
    private static void setPasswordIfNew(Path dataDir, String password) throws IOException {
        Path marker = dataDir.resolve("password.sha256");
        String digest = sha256(password);
        if (Files.exists(marker) && Files.readString(marker, StandardCharsets.UTF_8).strip().equals(digest)) {
            return;
        }
        DatabaseManagementService setup = new DatabaseManagementServiceBuilder(dataDir)
                .setConfig(BoltConnector.enabled, false)
                .setConfig(HttpConnector.enabled, false)
                .setConfig(GraphDatabaseSettings.auth_enabled, true)
                .setConfig(GraphDatabaseSettings.udc_enabled, false)
                .setConfig(GraphDatabaseInternalSettings.udc_network_enabled, false)
                .build();
        try {
            // Embedded transactions run with full rights: the one place the password can be set
            // without knowing the old one.
            setup.database("system").executeTransactionally(
                    "ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED", Map.of("password", password));
        } catch (RuntimeException e) {
            // Setting the password it already has is refused; anything else is a real failure.
            if (!String.valueOf(e.getMessage()).contains("Old password and new password cannot be the same")) {
                setup.shutdown();
                throw e;
            }
        }
        setup.shutdown();
        Files.writeString(marker, digest + "\n", StandardCharsets.UTF_8);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> parse(String[] args) {
        java.util.HashMap<String, String> out = new java.util.HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--") || i + 1 >= args.length) {
                System.err.println("ERROR usage: --port P --data-dir D --password-file F [--pagecache-mb N] [--tx-timeout-s N] [--tx-monitor-ms N] "
                        + "[--tx-memory-mb N] [--watch-pid PID]; bad argument " + a);
                System.exit(2);
            }
            out.put(a.substring(2), args[++i]);
        }
        return out;
    }

    private static boolean portTaken(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(HOST, port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static void waitForBolt(int port, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < deadline) {
            if (portTaken(port)) {
                return;
            }
            Thread.sleep(50);
        }
        System.err.println("ERROR Bolt did not start listening on " + HOST + ":" + port);
        System.exit(4);
    }
}
