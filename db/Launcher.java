// PaperGraph local Neo4j: runs an embedded Neo4j 5.26 Community DBMS with Bolt on 127.0.0.1 as a child of the Node app.

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.SettingValueParsers;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.Label;
import org.neo4j.graphdb.Node;
import org.neo4j.graphdb.Transaction;
import org.neo4j.graphdb.config.Setting;
import org.neo4j.internal.helpers.HostnamePort;
import org.neo4j.io.fs.DefaultFileSystemAbstraction;
import org.neo4j.kernel.impl.security.User;
import org.neo4j.kernel.internal.GraphDatabaseAPI;
import org.neo4j.logging.NullLogProvider;
import org.neo4j.memory.EmptyMemoryTracker;
import org.neo4j.server.security.SecureHasher;
import org.neo4j.server.security.SystemGraphCredential;
import org.neo4j.server.security.auth.FileUserRepository;

/**
 * Usage: java [jvm flags] -cp "jars/*" db/Launcher.java --home DIR [--port N] [--page-cache 512m]
 *        [--tx-timeout 60s] [--tx-max 256m] [--tx-total-max 512m] [--hardening FILE]
 * The hardening settings (db/neo4j-hardening.conf, also mirrored by docker-compose.yml) are read from FILE, by default
 * from the file of that name next to this source file.
 * Env: NEO4J_PASSWORD (optional; otherwise generated once and kept in DIR/password, mode 0600).
 *
 * Stdout carries exactly one line, "PAPERGRAPH_NEO4J_READY bolt://127.0.0.1:PORT", once Bolt accepts
 * connections. Failures go to stderr as "PAPERGRAPH_NEO4J_ERROR <code> <detail>" followed by the cause chain,
 * where <code> is one of: port-in-use, store-locked, bad-args, startup-failed.
 * The process exits (shutting Neo4j down cleanly) on SIGTERM/SIGINT or when stdin reaches EOF, i.e. when the
 * parent process died, however it died, so the JVM never outlives the Node process that owns it.
 */
public final class Launcher {
    static final String READY_PREFIX = "PAPERGRAPH_NEO4J_READY ";
    static final String ERROR_PREFIX = "PAPERGRAPH_NEO4J_ERROR ";
    static final String PASSWORD_FILE = "password";
    static final String USER = "neo4j";

    // Exit codes let the Node side tell failure kinds apart even if stderr was lost.
    static final int EXIT_FAILED = 1;
    static final int EXIT_PORT_IN_USE = 2;
    static final int EXIT_STORE_LOCKED = 3;
    static final int EXIT_BAD_ARGS = 4;

    // Neo4j components sometimes print to System.out; stdout is our protocol channel, so it is reserved for the
    // ready line and everything else is redirected to stderr before Neo4j is loaded.
    static final PrintStream PROTOCOL_OUT = System.out;

    static volatile DatabaseManagementService running;
    static final CountDownLatch startupDone = new CountDownLatch(1);
    static final Object shutdownLock = new Object();
    static volatile boolean shuttingDown;

    public static void main(String[] args) {
        System.setOut(System.err);
        Options opts;
        try {
            opts = Options.parse(args);
        } catch (IllegalArgumentException e) {
            fail(EXIT_BAD_ARGS, "bad-args", e.getMessage(), null);
            return;
        }

        // One shutdown path for SIGTERM, SIGINT, System.exit and stdin EOF: the JVM's shutdown hooks.
        Runtime.getRuntime().addShutdownHook(new Thread(Launcher::shutdownFromHook, "papergraph-shutdown"));
        startStdinWatcher();

        try {
            start(opts);
        } catch (Throwable t) {
            if (shuttingDown) {
                return; // Asked to stop while starting; the failure is a consequence, not news.
            }
            int port = opts.port;
            if (hasCause(t, BindException.class) || messageChainContains(t, "already in use")) {
                fail(EXIT_PORT_IN_USE, "port-in-use", String.valueOf(port), t);
            } else if (isStoreLocked(t)) {
                fail(EXIT_STORE_LOCKED, "store-locked", opts.home.toString(), t);
            } else {
                fail(EXIT_FAILED, "startup-failed", String.valueOf(t.getMessage()).replace('\n', ' '), t);
            }
        } finally {
            startupDone.countDown();
        }
    }

    /** Starts the DBMS (setting the password first if needed), then announces readiness on stdout. */
    static void start(Options opts) throws Exception {
        Files.createDirectories(opts.home);
        Path passwordFile = opts.home.resolve(PASSWORD_FILE);
        String stored = readPassword(passwordFile);
        String fromEnv = System.getenv("NEO4J_PASSWORD");
        String desired = fromEnv != null && !fromEnv.isEmpty() ? fromEnv : stored != null ? stored : generatePassword();
        if (desired.length() < 8) {
            // Neo4j's own minimum (dbms.security.auth_minimum_password_length); fail before touching the store.
            throw new IllegalArgumentException("NEO4J_PASSWORD must be at least 8 characters");
        }
        boolean freshStore = !Files.exists(opts.home.resolve("data").resolve("databases").resolve("system"));

        if (freshStore) {
            // Same mechanism as `neo4j-admin dbms set-initial-password`: the system database takes the password from
            // data/dbms/auth.ini while it is created, before Bolt opens, so neo4j/neo4j is never reachable.
            writeInitialPassword(opts.home, desired);
        } else if (!desired.equals(stored)) {
            // An existing store with an unknown or different password: change it with Bolt closed, so the old
            // credentials (possibly the default neo4j/neo4j) are never reachable over the network. Costs one extra
            // DBMS start, only when the password changes.
            DatabaseManagementService offline = build(opts, false);
            try {
                if (!shuttingDown && !passwordMatches(offline, desired)) {
                    setPassword(offline, desired);
                }
            } finally {
                offline.shutdown();
            }
            if (shuttingDown) {
                return;
            }
            writePassword(passwordFile, desired);
        }
        if (shuttingDown) {
            return;
        }

        DatabaseManagementService dbms = build(opts, true);
        running = dbms;
        if (shuttingDown) {
            return; // The shutdown hook is waiting for us and will shut it down.
        }
        if (!passwordMatches(dbms, desired)) {
            // Reached when the stored file is stale (someone ran ALTER CURRENT USER) or auth.ini was not applied;
            // either way the neo4j user must end up with the password the parent will use.
            System.err.println("papergraph launcher: the neo4j password differed from " + passwordFile + "; reset it");
            setPassword(dbms, desired);
        }
        if (!desired.equals(stored)) {
            writePassword(passwordFile, desired);
        }
        // Consumed at creation; no reason to keep a password hash around.
        Files.deleteIfExists(opts.home.resolve("data").resolve("dbms").resolve("auth.ini"));
        int port = boltPort(dbms);
        waitUntilAccepting(port, Duration.ofSeconds(30));
        PROTOCOL_OUT.println(READY_PREFIX + "bolt://127.0.0.1:" + port);
        PROTOCOL_OUT.flush();
    }

    /** Builds the DBMS with PaperGraph's settings and the hardening list; Bolt only when {@code bolt} is true. */
    static DatabaseManagementService build(Options opts, boolean bolt) {
        Map<Setting<?>, Object> cfg = new HashMap<>();
        cfg.put(BoltConnector.enabled, bolt);
        cfg.put(BoltConnector.listen_address, new SocketAddress("127.0.0.1", opts.port));
        cfg.put(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", opts.port));
        // Bolt's shutdown otherwise waits 5 s for its thread pool and 5 s more for its event loops even when idle. By
        // then both databases are checkpointed and closed, so the wait protects nothing and only slows stop(); the
        // price is two "exceeded maximum permitted duration" WARN lines in debug.log per shutdown.
        cfg.put(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ofMillis(250));
        cfg.put(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofMillis(250));
        cfg.put(HttpConnector.enabled, false);
        cfg.put(HttpsConnector.enabled, false);
        cfg.put(GraphDatabaseSettings.default_listen_address, new SocketAddress("127.0.0.1"));
        cfg.put(GraphDatabaseSettings.pagecache_memory, SettingValueParsers.BYTES.parse(opts.pageCache));
        cfg.put(GraphDatabaseSettings.transaction_timeout, SettingValueParsers.DURATION.parse(opts.txTimeout));
        cfg.put(GraphDatabaseSettings.memory_transaction_max_size, SettingValueParsers.BYTES.parse(opts.txMax));
        cfg.put(GraphDatabaseSettings.memory_transaction_global_max_size,
                SettingValueParsers.BYTES.parse(opts.txTotalMax));
        // The security settings (LOAD CSV file and network access, auth, usage reports, routing) come from the one
        // hardening list that docker-compose.yml mirrors; loaded first, so nothing below can be mistaken for them.
        return new DatabaseManagementServiceBuilder(opts.home).loadPropertiesFromFile(opts.hardening)
                .setConfig(cfg).build();
    }

    /** Writes data/dbms/auth.ini exactly as `neo4j-admin dbms set-initial-password` does. */
    static void writeInitialPassword(Path home, String password) throws Exception {
        Path dbmsDir = home.resolve("data").resolve("dbms");
        Files.createDirectories(dbmsDir);
        Path authIni = dbmsDir.resolve("auth.ini");
        Files.deleteIfExists(authIni);
        FileUserRepository repo = new FileUserRepository(new DefaultFileSystemAbstraction(), authIni,
                NullLogProvider.getInstance(), EmptyMemoryTracker.INSTANCE);
        repo.start();
        try {
            repo.create(new User(USER, null, SystemGraphCredential.createCredentialForPassword(
                    password.getBytes(StandardCharsets.UTF_8), new SecureHasher()), false, false));
        } finally {
            repo.shutdown();
        }
        restrictToOwner(authIni);
    }

    /** True when the neo4j user's stored credential is {@code password} and no change is pending. */
    static boolean passwordMatches(DatabaseManagementService dbms, String password) throws Exception {
        GraphDatabaseService system = dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME);
        try (Transaction tx = system.beginTx()) {
            Node user = tx.findNode(Label.label("User"), "name", USER);
            if (user == null) {
                return false;
            }
            Object credentials = user.getProperty("credentials", null);
            Object changeRequired = user.getProperty("passwordChangeRequired", Boolean.TRUE);
            if (!(credentials instanceof String serialized) || Boolean.TRUE.equals(changeRequired)) {
                return false;
            }
            return SystemGraphCredential.deserialize(serialized, new SecureHasher())
                    .matchesPassword(password.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Sets the neo4j user's password through the system database (Cypher admin command). */
    static void setPassword(DatabaseManagementService dbms, String password) {
        dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME).executeTransactionally(
                "ALTER USER neo4j SET PASSWORD $p CHANGE NOT REQUIRED", Map.of("p", password));
    }

    /** The port Bolt actually bound, which differs from the configured one when that was 0. */
    static int boltPort(DatabaseManagementService dbms) {
        GraphDatabaseAPI system = (GraphDatabaseAPI) dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME);
        HostnamePort address = system.getDependencyResolver().resolveDependency(ConnectorPortRegister.class)
                .getLocalAddress(ConnectorType.BOLT);
        if (address == null) {
            throw new IllegalStateException("Bolt connector did not register a port");
        }
        return address.getPort();
    }

    /** Connects to the port until it accepts, so "ready" means a driver can really connect. */
    static void waitUntilAccepting(int port, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 1000);
                return;
            } catch (IOException e) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Bolt port " + port + " does not accept connections", e);
                }
                Thread.sleep(50);
            }
        }
    }

    static String readPassword(Path file) throws IOException {
        if (!Files.exists(file)) {
            return null;
        }
        restrictToOwner(file); // Repairs a file whose mode was widened by hand.
        String value = Files.readString(file, StandardCharsets.UTF_8).trim();
        return value.isEmpty() ? null : value;
    }

    /** Writes the password file atomically and with mode 0600 from the moment it exists. */
    static void writePassword(Path file, String password) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        Files.createFile(tmp, PosixFilePermissions.asFileAttribute(
                Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE)));
        Files.writeString(tmp, password + "\n", StandardCharsets.UTF_8);
        try {
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    static void restrictToOwner(Path file) throws IOException {
        Files.setPosixFilePermissions(file, Set.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE));
    }

    /** 32 random bytes, URL-safe Base64: 43 characters, nothing a shell or a URL would mangle. */
    static String generatePassword() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Exits when stdin closes: the parent holds the only write end, so EOF means it is gone. */
    static void startStdinWatcher() {
        Thread watcher = new Thread(() -> {
            byte[] buffer = new byte[256];
            InputStream in = System.in;
            try {
                while (in.read(buffer) != -1) {
                    // Input is ignored; the pipe exists only so that its closing can be noticed.
                }
            } catch (IOException ignored) {
                // A broken pipe means the same thing as EOF.
            }
            System.exit(0);
        }, "papergraph-stdin-watcher");
        watcher.setDaemon(true);
        watcher.start();
    }

    static void shutdownFromHook() {
        shuttingDown = true;
        try {
            // A DBMS still being built cannot be shut down; let start() finish (it checks shuttingDown after each
            // build) for a bounded time, so the store is closed cleanly rather than left for recovery.
            startupDone.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException ignored) {
            Thread.currentThread().interrupt();
        }
        synchronized (shutdownLock) {
            DatabaseManagementService dbms = running;
            running = null;
            if (dbms != null) {
                try {
                    dbms.shutdown();
                } catch (Throwable t) {
                    System.err.println("papergraph launcher: shutdown failed: " + t);
                }
            }
        }
    }

    static void fail(int exitCode, String code, String detail, Throwable t) {
        System.err.println(ERROR_PREFIX + code + " " + detail);
        for (Throwable c = t; c != null; c = c.getCause()) {
            System.err.println("  caused by " + c.getClass().getName() + ": " + c.getMessage());
            if (c.getCause() == c) {
                break;
            }
        }
        System.err.flush();
        // halt, not exit: nothing is running that needs the shutdown hook, and halting skips its wait.
        Runtime.getRuntime().halt(exitCode);
    }

    static boolean hasCause(Throwable t, Class<? extends Throwable> type) {
        for (Throwable c = t; c != null && c.getCause() != c; c = c.getCause()) {
            if (type.isInstance(c)) {
                return true;
            }
        }
        return false;
    }

    static boolean messageChainContains(Throwable t, String needle) {
        for (Throwable c = t; c != null && c.getCause() != c; c = c.getCause()) {
            if (c.getMessage() != null && c.getMessage().contains(needle)) {
                return true;
            }
        }
        return false;
    }

    static boolean isStoreLocked(Throwable t) {
        for (Throwable c = t; c != null && c.getCause() != c; c = c.getCause()) {
            if (c.getClass().getSimpleName().equals("FileLockException")) {
                return true;
            }
        }
        return false;
    }

    static final String HARDENING_FILE = "neo4j-hardening.conf";

    /**
     * The hardening list next to this source file. Run as {@code java ... db/Launcher.java}, the JVM records the
     * command as "jdk.compiler/com.sun.tools.javac.launcher.Main PATH/Launcher.java ARGS" in {@code sun.java.command};
     * null when it was started some other way.
     */
    static Path defaultHardening() {
        String command = System.getProperty("sun.java.command", "");
        String sourceLauncher = "jdk.compiler/com.sun.tools.javac.launcher.Main ";
        if (command.startsWith(sourceLauncher)) {
            command = command.substring(sourceLauncher.length());
        }
        int end = command.indexOf("Launcher.java");
        if (end < 0) {
            return null;
        }
        Path dir = Path.of(command.substring(0, end + "Launcher.java".length())).toAbsolutePath().getParent();
        return dir == null ? null : dir.resolve(HARDENING_FILE);
    }

    /** Command-line options; defaults are modest because the target machines have 2 cores and a few GB. */
    record Options(Path home, int port, String pageCache, String txTimeout, String txMax, String txTotalMax,
            Path hardening) {
        static Options parse(String[] args) {
            Map<String, String> values = new HashMap<>(Map.of(
                    "--port", "0", "--page-cache", "512m", "--tx-timeout", "60s",
                    "--tx-max", "256m", "--tx-total-max", "512m"));
            List<String> known = List.of("--home", "--port", "--page-cache", "--tx-timeout", "--tx-max",
                    "--tx-total-max", "--hardening");
            for (int i = 0; i < args.length; i++) {
                if (!known.contains(args[i]) || i + 1 >= args.length) {
                    throw new IllegalArgumentException("unknown or incomplete option " + args[i]);
                }
                values.put(args[i], args[++i]);
            }
            if (!values.containsKey("--home")) {
                throw new IllegalArgumentException("--home is required");
            }
            int port;
            try {
                port = Integer.parseInt(values.get("--port"));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--port must be a number");
            }
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("--port must be 0..65535");
            }
            for (String key : List.of("--page-cache", "--tx-max", "--tx-total-max")) {
                try {
                    SettingValueParsers.BYTES.parse(values.get(key));
                } catch (RuntimeException e) {
                    throw new IllegalArgumentException(key + ": " + e.getMessage());
                }
            }
            try {
                SettingValueParsers.DURATION.parse(values.get("--tx-timeout"));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("--tx-timeout: " + e.getMessage());
            }
            Path hardening = values.containsKey("--hardening") ? Path.of(values.get("--hardening")) : defaultHardening();
            if (hardening == null || !Files.isRegularFile(hardening)) {
                throw new IllegalArgumentException("the Neo4j hardening settings file " + hardening
                        + " does not exist; pass --hardening FILE (normally db/" + HARDENING_FILE + ")");
            }
            return new Options(Path.of(values.get("--home")).toAbsolutePath(), port, values.get("--page-cache"),
                    values.get("--tx-timeout"), values.get("--tx-max"), values.get("--tx-total-max"),
                    hardening.toAbsolutePath());
        }
    }
}
