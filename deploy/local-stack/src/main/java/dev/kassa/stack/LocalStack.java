package dev.kassa.stack;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Logger;

/**
 * Starts real PostgreSQL, Kafka, a MongoDB-compatible server and Redis on 127.0.0.1 for {@code ./pos up} and
 * for the tests, then prints one {@code KASSA-STACK-READY {json}} line on stdout.
 *
 * <p>Control channel, on stdin and on the TCP port {@code controlPort} of that json (one command per line):
 * {@code stop kafka}, {@code start kafka}, ... for postgres, kafka, mongo, redis, and {@code quit}; each is
 * answered by {@code KASSA-STACK-OK <command>} or {@code KASSA-STACK-ERROR <command>: <reason>}. stdout carries
 * only the READY line and the answers to stdin; logs go to stderr.
 */
public final class LocalStack {

    static final String READY = "KASSA-STACK-READY ";
    static final String OK = "KASSA-STACK-OK ";
    static final String ERROR = "KASSA-STACK-ERROR ";

    static {
        // before the first logger below: the log manager is chosen once, on first use
        StackLogging.configure();
    }

    private static final Logger LOG = Logger.getLogger(LocalStack.class.getName());

    private final StackOptions options;
    private final Path dataDir;
    private final PostgresServer postgres;
    private final KafkaServer kafka;
    private final MongoServer mongo;
    private final RedisServer redis;
    /** The servers this process started and so may stop; a server found already listening is not among them. */
    private final List<Server> owned = new ArrayList<>();
    private final PrintStream out;

    private LocalStack(StackOptions options, Path dataDir, PrintStream out) {
        this.options = options;
        this.dataDir = dataDir;
        this.out = out;
        this.postgres = new PostgresServer(options.pgPort(), dataDir.resolve("postgres"), options.ephemeral());
        this.kafka = new KafkaServer(options.kafkaPort(), options.kafkaControllerPort(), dataDir.resolve("kafka"));
        this.mongo = new MongoServer(options.mongoPort(), dataDir.resolve("mongo"), options.ephemeral());
        this.redis = new RedisServer(options.redisPort(), dataDir.resolve("redis"), options.ephemeral());
    }

    public static void main(String[] args) throws Exception {
        StackOptions options;
        try {
            options = StackOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        // stdout is the protocol channel; anything a library prints there goes to stderr instead.
        PrintStream protocol = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        System.setOut(System.err);

        Path dataDir = options.ephemeral() ? Files.createTempDirectory("kassa-stack-") : options.dataDir();
        Files.createDirectories(dataDir);
        LocalStack stack = new LocalStack(options, dataDir, protocol);
        Runtime.getRuntime().addShutdownHook(new Thread(stack::shutdown, "kassa-stack-shutdown"));
        options.parentPid().ifPresent(LocalStack::exitWithParent);

        long began = System.nanoTime();
        try {
            stack.startAll();
        } catch (Exception e) {
            LOG.severe("Local stack failed to start: " + e);
            e.printStackTrace();
            System.exit(1);
        }
        String json = stack.readyJson(stack.openControlPort());
        options.readyFile().ifPresent(file -> writeAtomically(file, json));
        LOG.info(String.format("Local stack ready in %.1f s (data in %s)", (System.nanoTime() - began) / 1e9,
                options.ephemeral() ? "a temporary directory" : dataDir));
        protocol.println(READY + json);
        stack.serve(new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)), protocol);
    }

    private static void exitWithParent(long pid) {
        Optional<ProcessHandle> parent = ProcessHandle.of(pid);
        if (parent.isEmpty()) {
            LOG.severe("Parent process " + pid + " is not running");
            System.exit(1);
        }
        parent.get().onExit().thenRun(() -> {
            LOG.info("Parent process " + pid + " exited; stopping");
            System.exit(0);
        });
    }

    private void startAll() {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<CompletableFuture<Void>> starts = new ArrayList<>();
            for (Server server : List.of(postgres, kafka, mongo, redis)) {
                starts.add(CompletableFuture.runAsync(() -> startOrReuse(server), pool));
            }
            CompletableFuture.allOf(starts.toArray(CompletableFuture[]::new)).join();
        } finally {
            pool.shutdown();
        }
    }

    private void startOrReuse(Server server) {
        long began = System.nanoTime();
        try {
            if (!options.ephemeralPorts() && Ports.listening(server.port())) {
                LOG.info(server.name() + ": port " + server.port() + " is already served; reusing that server");
                prepareReused(server);
                return;
            }
            // owned before it is up, so that a shutdown during the start still stops it
            synchronized (owned) {
                owned.add(server);
            }
            server.start();
            LOG.info(String.format("%s: up on %s:%d in %.1f s", server.name(), Ports.HOST, server.port(),
                    (System.nanoTime() - began) / 1e9));
        } catch (Exception e) {
            throw new IllegalStateException(server.name() + " failed to start: " + e.getMessage(), e);
        }
    }

    /** Best effort: a reused server may not be ours to change, and the services say so when they need it. */
    private void prepareReused(Server server) {
        try {
            if (server == postgres) {
                PostgresServer.ensureDatabases(server.port());
            } else if (server == kafka) {
                KafkaServer.createTopics(server.port());
            }
        } catch (Exception e) {
            LOG.warning(server.name() + ": could not prepare the reused server: " + e.getMessage());
        }
    }

    String readyJson(int controlPort) {
        Map<String, Object> ready = new LinkedHashMap<>();
        ready.put("pgPort", postgres.port());
        ready.put("pgUser", PostgresServer.USER);
        ready.put("pgPassword", PostgresServer.PASSWORD);
        ready.put("kafkaBootstrap", kafka.bootstrap());
        ready.put("mongoUri", mongo.uri());
        ready.put("redisUri", redis.uri());
        ready.put("controlPort", controlPort);
        ready.put("pid", ProcessHandle.current().pid());
        StringBuilder json = new StringBuilder("{");
        ready.forEach((key, value) -> {
            if (json.length() > 1) {
                json.append(',');
            }
            json.append('"').append(key).append("\":");
            json.append(value instanceof String s ? '"' + s + '"' : value);
        });
        return json.append('}').toString();
    }

    private static void writeAtomically(Path file, String content) {
        try {
            Path absolute = file.toAbsolutePath();
            Files.createDirectories(absolute.getParent());
            Path temp = Files.createTempFile(absolute.getParent(), ".ready-", ".tmp");
            Files.writeString(temp, content + "\n");
            try {
                Files.move(temp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot write the ready file " + file, e);
        }
    }

    /** Opens the TCP control channel; its port goes into the READY json. */
    private int openControlPort() throws IOException {
        ServerSocket server = new ServerSocket(0, 8, InetAddress.getByName(Ports.HOST));
        Thread.ofPlatform().daemon().name("control-accept").start(() -> {
            while (true) {
                try {
                    Socket client = server.accept();
                    Thread.ofPlatform().daemon().name("control-client").start(() -> serveClient(client));
                } catch (IOException e) {
                    LOG.warning("Control port closed: " + e);
                    return;
                }
            }
        });
        return server.getLocalPort();
    }

    private void serveClient(Socket client) {
        try (client;
             BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.UTF_8));
             PrintStream reply = new PrintStream(client.getOutputStream(), true, StandardCharsets.UTF_8)) {
            serve(in, reply);
        } catch (IOException e) {
            LOG.warning("Control connection failed: " + e);
        }
    }

    /**
     * Answers one command per line until the input ends. End of stdin is not a reason to stop: ./pos runs the
     * stack with no stdin.
     */
    private void serve(BufferedReader in, PrintStream reply) throws IOException {
        for (String line; (line = in.readLine()) != null; ) {
            String command = line.trim();
            if (command.isEmpty()) {
                continue;
            }
            if (command.equals("quit")) {
                reply.println(OK + command);
                System.exit(0);
            }
            try {
                execute(command);
                reply.println(OK + command);
            } catch (Exception e) {
                LOG.warning("Command '" + command + "' failed: " + e);
                reply.println(ERROR + command + ": " + String.valueOf(e.getMessage()).replace('\n', ' '));
            }
        }
    }

    /** One command at a time, whichever channel it came from. */
    private synchronized void execute(String command) throws Exception {
        String[] words = command.split("\\s+");
        if (words.length != 2 || !(words[0].equals("stop") || words[0].equals("start"))) {
            throw new IllegalArgumentException("expected 'stop|start postgres|kafka|mongo|redis' or 'quit'");
        }
        Server server = switch (words[1]) {
            case "postgres" -> postgres;
            case "kafka" -> kafka;
            case "mongo" -> mongo;
            case "redis" -> redis;
            default -> throw new IllegalArgumentException("no such server: " + words[1]);
        };
        synchronized (owned) {
            if (!owned.contains(server)) {
                throw new IllegalStateException(server.name() + " was already running elsewhere; not ours to control");
            }
        }
        boolean stop = words[0].equals("stop");
        if (server.running() != stop) {
            return; // already in the state asked for
        }
        long began = System.nanoTime();
        if (stop) {
            server.stop();
        } else {
            server.start();
        }
        LOG.info(String.format("%s: %s took %.1f s", server.name(), words[0], (System.nanoTime() - began) / 1e9));
    }

    /**
     * Stops what this process started, in parallel (Kafka takes longest), then drops ephemeral data. Prints with
     * System.err: the log manager's own shutdown hook may already have closed the log handlers.
     */
    private void shutdown() {
        List<Server> servers;
        synchronized (owned) {
            servers = List.copyOf(owned);
        }
        List<Thread> stops = new ArrayList<>();
        for (Server server : servers) {
            stops.add(Thread.ofPlatform().name("stop-" + server.name()).start(() -> {
                try {
                    server.close();
                } catch (Exception e) {
                    System.err.println(server.name() + ": stop failed: " + e);
                }
            }));
        }
        for (Thread stop : stops) {
            try {
                stop.join(30_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (options.ephemeral()) {
            deleteTree(dataDir);
        }
        System.err.println("Local stack stopped");
    }

    private static void deleteTree(Path root) {
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                    Files.deleteIfExists(file);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) throws IOException {
                    Files.deleteIfExists(dir);
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            System.err.println("Could not delete " + root + ": " + e);
        }
    }
}
