package dev.kassa.common.test;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Real PostgreSQL, Kafka, MongoDB-compatible server and Redis for {@code @QuarkusTest}s, run by
 * {@code deploy/local-stack} as a child process on free ports:
 *
 * <pre>{@code @WithTestResource(value = KassaInfra.class, initArgs = @ResourceArg(name = "db", value = "account"))}</pre>
 *
 * <p>One stack serves the whole test JVM (a module's test run); every test class gets the same servers, and
 * {@code db} only picks the PostgreSQL database in the returned config (default {@code kassa}). The child stops
 * when this JVM exits. Fault tests stop and restart a server on the same port with its data, e.g.
 * {@link #stopKafka()} and {@link #startKafka()}.
 */
public class KassaInfra implements QuarkusTestResourceLifecycleManager {

    /** The servers of the stack, named as the stack's control channel names them. */
    public enum Service {
        POSTGRES, KAFKA, MONGO, REDIS;

        String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public static final String DEFAULT_DATABASE = "kassa";

    /*
     * Quarkus may load this class in more than one class loader within a test JVM, so static fields are not
     * enough: the running stack is known through a system property holding its READY json (ports, control port,
     * pid), and launches are serialized on an interned string literal, the same object in every class loader.
     */
    private static final String READY_KEY = "kassa.test.stack.ready";
    private static final String LAUNCH_LOCK = "dev.kassa.common.test.KassaInfra.launch";

    private static final String READY = "KASSA-STACK-READY ";
    private static final String OK = "KASSA-STACK-OK ";
    private static final long START_TIMEOUT_SECONDS = 120;
    private static final long COMMAND_TIMEOUT_SECONDS = 120;

    private String database = DEFAULT_DATABASE;

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("db", DEFAULT_DATABASE);
    }

    /** Also brings back any server that an earlier fault test left stopped. */
    @Override
    public Map<String, String> start() {
        Map<String, String> config = config(database);
        for (Service service : Service.values()) {
            start(service);
        }
        return config;
    }

    @Override
    public void stop() {
        // The stack serves every test class of this JVM; it stops with the JVM.
    }

    /** The config of the running stack (started if need be), with the database {@code kassa}. */
    public static Map<String, String> config() {
        return config(DEFAULT_DATABASE);
    }

    /** The config of the running stack (started if need be), pointing the datasource at {@code database}. */
    public static Map<String, String> config(String database) {
        Map<String, String> ready = parseJson(readyJson());
        String pg = "127.0.0.1:" + ready.get("pgPort");
        Map<String, String> config = new LinkedHashMap<>();
        config.put("quarkus.datasource.reactive.url", "postgresql://" + pg + "/" + database);
        config.put("quarkus.datasource.jdbc.url", "jdbc:postgresql://" + pg + "/" + database);
        config.put("quarkus.datasource.username", ready.get("pgUser"));
        config.put("quarkus.datasource.password", ready.get("pgPassword"));
        config.put("kafka.bootstrap.servers", ready.get("kafkaBootstrap"));
        config.put("quarkus.mongodb.connection-string", ready.get("mongoUri"));
        config.put("quarkus.redis.hosts", ready.get("redisUri"));
        config.put("kassa.test.database", database);
        config.put("kassa.test.pg-port", ready.get("pgPort"));
        config.put("kassa.test.kafka-bootstrap", ready.get("kafkaBootstrap"));
        config.put("kassa.test.mongo-uri", ready.get("mongoUri"));
        config.put("kassa.test.redis-uri", ready.get("redisUri"));
        return config;
    }

    public static void stopKafka() {
        stop(Service.KAFKA);
    }

    public static void startKafka() {
        start(Service.KAFKA);
    }

    /** Stops one server; its port stays reserved for {@link #start(Service)}, which brings back its data. */
    public static void stop(Service service) {
        command("stop " + service.id());
    }

    /** Starts a stopped server again on the same port with the same data; returns once it accepts clients. */
    public static void start(Service service) {
        command("start " + service.id());
    }

    /** Sends one command over the stack's TCP control port and waits for its answer. */
    private static void command(String command) {
        int port = Integer.parseInt(parseJson(readyJson()).get("controlPort"));
        String reply;
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
            socket.setSoTimeout((int) TimeUnit.SECONDS.toMillis(COMMAND_TIMEOUT_SECONDS));
            socket.getOutputStream().write((command + "\n").getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            reply = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8))
                    .readLine();
        } catch (IOException e) {
            throw new UncheckedIOException("Local stack control channel failed on '" + command + "'", e);
        }
        if (reply == null || !reply.startsWith(OK)) {
            throw new IllegalStateException("Local stack refused '" + command + "': " + reply);
        }
    }

    /** The READY json of the stack of this JVM, launching the stack on first use or when it died. */
    private static String readyJson() {
        synchronized (LAUNCH_LOCK) {
            String json = System.getProperty(READY_KEY);
            if (json == null || !alive(json)) {
                json = launch();
                System.setProperty(READY_KEY, json);
            }
            return json;
        }
    }

    private static boolean alive(String json) {
        return ProcessHandle.of(Long.parseLong(parseJson(json).get("pid"))).map(ProcessHandle::isAlive).orElse(false);
    }

    private static String launch() {
        Path root = projectRoot();
        Path target = root.resolve("deploy/local-stack/target");
        Path jar = stackJar(target);
        Path classpathFile = target.resolve("classpath.txt");
        if (jar == null || !Files.isRegularFile(classpathFile)) {
            throw new IllegalStateException("The local stack is not built in " + target
                    + ": run ./mvnw -q -pl deploy/local-stack install (./mvnw verify builds it first)");
        }
        Path log = Path.of(System.getProperty("user.dir"), "target", "kassa-stack.log");
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:+ExitOnOutOfMemoryError"));
        if (Runtime.version().feature() >= 24) {
            // Kafka's clients still call sun.misc.Unsafe, which JDK 24+ warns about on every start.
            command.add("--sun-misc-unsafe-memory-access=allow");
        }
        command.addAll(List.of("-cp", jar + File.pathSeparator + readClasspath(classpathFile),
                "dev.kassa.stack.LocalStack", "--ephemeral", "--ephemeral-ports",
                "--parent-pid", String.valueOf(ProcessHandle.current().pid())));
        try {
            Files.createDirectories(log.getParent());
            Files.writeString(log, "");
            long began = System.nanoTime();
            Process process = new ProcessBuilder(command)
                    .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            CompletableFuture<String> ready = new CompletableFuture<>();
            Thread.ofPlatform().daemon().name("kassa-stack-stdout").start(() -> readStdout(process, log, ready));
            String json;
            try {
                json = ready.get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            } catch (TimeoutException | ExecutionException e) {
                process.destroy();
                process.waitFor(30, TimeUnit.SECONDS);
                throw new IllegalStateException("The local stack did not get ready within " + START_TIMEOUT_SECONDS
                        + " s; its output (" + log + "):\n" + Files.readString(log), e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> quit(process), "kassa-stack-quit"));
            System.out.printf("KassaInfra: local stack ready in %.1f s, log in %s%n",
                    (System.nanoTime() - began) / 1e9, log);
            return json;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot launch the local stack", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while launching the local stack", e);
        }
    }

    /** Copies the child's stdout into the log and hands over the READY json. */
    private static void readStdout(Process process, Path log, CompletableFuture<String> ready) {
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
             Writer copy = Files.newBufferedWriter(log, StandardOpenOption.APPEND)) {
            for (String line; (line = out.readLine()) != null; ) {
                copy.write(line + System.lineSeparator());
                copy.flush();
                if (line.startsWith(READY)) {
                    ready.complete(line.substring(READY.length()).trim());
                }
            }
        } catch (IOException e) {
            ready.completeExceptionally(e);
        }
        ready.completeExceptionally(new IllegalStateException("the local stack exited"));
    }

    /** Lets the stack stop its servers cleanly (PostgreSQL above all) before this JVM is gone. */
    private static void quit(Process process) {
        try {
            process.getOutputStream().write("quit\n".getBytes(StandardCharsets.UTF_8));
            process.getOutputStream().flush();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroy();
            }
        } catch (IOException e) {
            process.destroy();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** {@code kassa.root} as set by the root pom's Surefire config, else the nearest directory holding mvnw. */
    static Path projectRoot() {
        String configured = System.getProperty("kassa.root");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        for (Path dir = Path.of(System.getProperty("user.dir")).toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("mvnw"))) {
                return dir;
            }
        }
        throw new IllegalStateException("Cannot find the project root: set -Dkassa.root or run below the directory with mvnw");
    }

    private static Path stackJar(Path target) {
        if (!Files.isDirectory(target)) {
            return null;
        }
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(target, "kassa-local-stack-*.jar")) {
            for (Path jar : jars) {
                String name = jar.getFileName().toString();
                if (!name.endsWith("-sources.jar") && !name.endsWith("-tests.jar") && !name.endsWith("-javadoc.jar")) {
                    return jar;
                }
            }
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String readClasspath(Path file) {
        try {
            return Files.readString(file).trim();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The READY json is flat: string and number values only. */
    private static Map<String, String> parseJson(String json) {
        Map<String, String> values = new LinkedHashMap<>();
        Matcher m = Pattern.compile("\"([^\"]+)\"\\s*:\\s*(?:\"([^\"]*)\"|([-0-9.]+))").matcher(json);
        while (m.find()) {
            values.put(m.group(1), m.group(2) != null ? m.group(2) : m.group(3));
        }
        return values;
    }
}
