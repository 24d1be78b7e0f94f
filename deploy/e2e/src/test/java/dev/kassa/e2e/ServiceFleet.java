package dev.kassa.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The eight services as child processes, each from its packaged {@code quarkus-run.jar} on a port of its own
 * (see {@link #PORT_BASE}; they are told each other's addresses), configured for the local stack through the KASSA_* environment of
 * their application.properties, exporting their spans to {@link TraceCollector}. Each runs under a tiny bash guard that stops it when this JVM is gone, so a
 * killed test run leaves no service holding a port.
 */
final class ServiceFleet implements AutoCloseable {

    /** A service: its name (module {@code <name>-service}), port, and PostgreSQL database (null: none). */
    record Service(String name, int port, String database) {
        String module() {
            return name + "-service";
        }
    }

    /**
     * The fleet listens on 18000-18007 (or {@code -Dkassa.e2e.port-base}), not on the standard ports, so
     * it runs beside a {@code ./pos up}; the services are told each other's addresses.
     */
    static final int PORT_BASE = Integer.getInteger("kassa.e2e.port-base", 18000);

    static final List<Service> SERVICES = List.of(
            new Service("account", PORT_BASE, "account"),
            new Service("terminal", PORT_BASE + 1, "terminal"),
            new Service("masterdata", PORT_BASE + 2, "masterdata"),
            new Service("cart", PORT_BASE + 3, "cart"),
            new Service("report", PORT_BASE + 4, null),
            new Service("journal", PORT_BASE + 5, null),
            new Service("stock", PORT_BASE + 6, "stock"),
            new Service("recommendation", PORT_BASE + 7, null));

    private static final List<String> JVM_FLAGS = List.of("-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

    /*
     * $1 = the pid to outlive no longer than, the rest = the command. TERM/INT stop the child and wait for it;
     * the parent's death does the same. `sleep & wait` keeps the guard responsive to signals.
     */
    private static final String GUARD = """
            parent=$1; shift
            "$@" &
            child=$!
            trap 'kill -TERM $child 2>/dev/null; wait $child; exit 143' TERM INT
            while kill -0 $child 2>/dev/null; do
              if ! kill -0 $parent 2>/dev/null; then kill -TERM $child 2>/dev/null; wait $child; exit 1; fi
              sleep 1 & wait $!
            done
            wait $child
            """;

    private final Path logDir;
    private final Map<Service, Process> processes = new LinkedHashMap<>();
    /** How each service was launched (jar, environment, working directory), to start it again the same way. */
    private final Map<Service, Launch> launches = new LinkedHashMap<>();
    private final Thread shutdownHook = new Thread(this::stopAll, "kassa-e2e-services-stop");

    /** The fleet every test class of this JVM shares (Surefire runs them in one fork), and its keys. */
    private static ServiceFleet shared;
    private static Path sharedKeys;

    private ServiceFleet(Path logDir) {
        this.logDir = logDir;
    }

    /** The first caller writes the signing keys of the shared fleet; later ones get the same directory. */
    static synchronized Path sharedKeys(Path dir) throws IOException {
        if (sharedKeys == null) {
            sharedKeys = SigningKeys.write(dir);
        }
        return sharedKeys;
    }

    /** Whether a test class of this JVM has started the shared fleet already. */
    static synchronized boolean sharedRunning() {
        return shared != null;
    }

    /**
     * The fleet of this JVM: started by the first test class that asks (as {@link #start}), then handed to
     * the others; it stops when the JVM ends (the shutdown hook), so a test class does not close it.
     */
    static synchronized ServiceFleet shared(Path root, Map<String, String> infra, Path keysDir, Path logDir,
                                            Path workDir, Duration healthTimeout) throws IOException, InterruptedException {
        if (shared == null) {
            shared = start(root, infra, keysDir, logDir, workDir, healthTimeout);
        }
        return shared;
    }

    /** Fails when any of the services' ports already answers (another copy of Kassa runs, e.g. ./pos up). */
    static void requireFreePorts() {
        List<String> taken = new ArrayList<>();
        for (Service s : SERVICES) {
            if (listening(s.port())) {
                taken.add(s.name() + " :" + s.port());
            }
        }
        if (!taken.isEmpty()) {
            throw new IllegalStateException("Ports of the services are already in use (" + String.join(", ", taken)
                    + "): another e2e run, or whatever else listens there; -Dkassa.e2e.port-base moves the fleet.");
        }
    }

    /** Fails, naming every missing one, when a service's packaged jar is not there. */
    static Map<Service, Path> requireJars(Path root) {
        Map<Service, Path> jars = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (Service s : SERVICES) {
            Path jar = root.resolve(s.module()).resolve("target/quarkus-app/quarkus-run.jar");
            if (Files.isRegularFile(jar)) {
                jars.put(s, jar);
            } else {
                missing.add(s.module() + "/target/quarkus-app/quarkus-run.jar");
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalStateException("The packaged services are missing: " + String.join(", ", missing)
                    + ". `./mvnw verify` packages every service before this module (it is the last one);"
                    + " alone, package each first: ./mvnw -q -B -pl <service> package -DskipTests");
        }
        return jars;
    }

    /**
     * Starts every service and returns once each answers 200 on {@code GET /health}.
     *
     * @param infra the local stack's config ({@code KassaInfra.config()})
     */
    static ServiceFleet start(Path root, Map<String, String> infra, Path keysDir, Path logDir, Path workDir,
                              Duration healthTimeout) throws IOException, InterruptedException {
        Map<Service, Path> jars = requireJars(root);
        Files.createDirectories(logDir);
        ServiceFleet fleet = new ServiceFleet(logDir);
        Runtime.getRuntime().addShutdownHook(fleet.shutdownHook);
        try {
            for (Service s : SERVICES) {
                fleet.launch(s, jars.get(s), environment(s, infra, keysDir), workDir.resolve(s.name()));
            }
            fleet.awaitHealthy(healthTimeout);
            return fleet;
        } catch (IOException | InterruptedException | RuntimeException | Error e) {
            fleet.close();
            throw e;
        }
    }

    static Map<String, String> environment(Service s, Map<String, String> infra, Path keysDir) {
        Map<String, String> env = new LinkedHashMap<>();
        if (s.database() != null) {
            env.put("KASSA_PG_URL", "postgresql://127.0.0.1:" + infra.get("kassa.test.pg-port") + "/" + s.database());
            env.put("KASSA_PG_USER", infra.get("quarkus.datasource.username"));
            env.put("KASSA_PG_PASSWORD", infra.get("quarkus.datasource.password"));
        }
        env.put("KASSA_MONGO_URI", infra.get("quarkus.mongodb.connection-string"));
        env.put("KASSA_REDIS_URI", infra.get("quarkus.redis.hosts"));
        env.put("KASSA_KAFKA_BOOTSTRAP", infra.get("kafka.bootstrap.servers"));
        env.put("KASSA_KEYS_DIR", keysDir.toAbsolutePath().toString());
        // Every scenario registers its tenant from this one address.
        env.put("KASSA_REGISTRATIONS_PER_ADDRESS", "1000");
        env.put("QUARKUS_HTTP_PORT", String.valueOf(s.port()));
        env.put("KASSA_TERMINAL_URL", "http://127.0.0.1:" + (PORT_BASE + 1));
        env.put("KASSA_MASTERDATA_URL", "http://127.0.0.1:" + (PORT_BASE + 2));
        env.put("KASSA_MASTERDATA_HOST", "127.0.0.1");
        env.put("KASSA_MASTERDATA_PORT", String.valueOf(PORT_BASE + 2));
        env.put("KASSA_CART_URL", "http://127.0.0.1:" + (PORT_BASE + 3));
        env.put("KASSA_REPORT_URL", "http://127.0.0.1:" + (PORT_BASE + 4));
        env.put("KASSA_JOURNAL_URL", "http://127.0.0.1:" + (PORT_BASE + 5));
        env.put("KASSA_STOCK_URL", "http://127.0.0.1:" + (PORT_BASE + 6));
        env.put("KASSA_RECOMMENDATION_HOST", "127.0.0.1");
        env.put("KASSA_RECOMMENDATION_PORT", String.valueOf(PORT_BASE + 7));
        // Traces to the test's own OTLP receiver, sent soon after each span ends; plain log lines to read.
        try {
            env.put("KASSA_OTLP_ENDPOINT", TraceCollector.shared().endpoint());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        env.put("KASSA_OTLP_PROTOCOL", "http/protobuf");
        env.put("KASSA_OTLP_EXPORT_DELAY", "200ms");
        env.put("KASSA_LOG_JSON", "false");
        return env;
    }

    private record Launch(Path jar, Map<String, String> env, Path workDir) {
    }

    static Service service(String name) {
        return SERVICES.stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no service " + name));
    }

    /**
     * {@code kill -9} of the service's JVM (not its guard, which then exits too): no shutdown hook runs, no
     * offset is committed, no outbox row is marked; as a crash or an OOM kill would leave it.
     */
    synchronized void kill9(String name) throws InterruptedException {
        Service s = service(name);
        Process guard = processes.get(s);
        List<ProcessHandle> jvms = guard.children().filter(h -> h.info().command().map(c -> c.endsWith("java")).orElse(true))
                .toList();
        jvms.forEach(ProcessHandle::destroyForcibly);
        for (ProcessHandle jvm : jvms) {
            jvm.onExit().join();
        }
        guard.waitFor(10, TimeUnit.SECONDS);
        System.out.printf("  %-14s killed (SIGKILL, pid %s)%n", name, jvms.stream().map(h -> String.valueOf(h.pid())).toList());
    }

    /**
     * Starts a service again, after {@link #kill9} or {@link #stop}, with its environment plus {@code extraEnv}
     * (e.g. {@code KASSA_OUTBOX_RELAY_ENABLED=false}); returns once its {@code /health} answers 200.
     */
    void restart(String name, Map<String, String> extraEnv, Duration healthTimeout) throws IOException, InterruptedException {
        Service s = service(name);
        Launch l = launches.get(s);
        Map<String, String> env = new LinkedHashMap<>(l.env());
        env.putAll(extraEnv);
        synchronized (this) {
            Process old = processes.get(s);
            if (old != null && old.isAlive()) {
                throw new IllegalStateException(name + " is still running");
            }
            launch(s, l.jar(), env, l.workDir(), true);
            launches.put(s, l);  // extraEnv is for this run only
        }
        awaitHealthy(List.of(s), healthTimeout);
    }

    /** SIGTERM to the service's guard, which stops the service and waits for it. */
    void stop(String name) throws InterruptedException {
        Process guard = processes.get(service(name));
        guard.destroy();
        if (!guard.waitFor(30, TimeUnit.SECONDS)) {
            guard.descendants().forEach(ProcessHandle::destroyForcibly);
            guard.destroyForcibly().waitFor();
        }
    }

    private void launch(Service s, Path jar, Map<String, String> env, Path workDir) throws IOException {
        launch(s, jar, env, workDir, false);
    }

    private void launch(Service s, Path jar, Map<String, String> env, Path workDir, boolean again) throws IOException {
        Files.createDirectories(workDir);
        launches.put(s, new Launch(jar, Map.copyOf(env), workDir));
        Path log = logDir.resolve(s.name() + ".log");
        List<String> command = new ArrayList<>(List.of("bash", "-c", GUARD, "kassa-e2e-" + s.name(),
                String.valueOf(ProcessHandle.current().pid()),
                Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(JVM_FLAGS);
        if (Runtime.version().feature() >= 24) {
            // Netty and Kafka still call sun.misc.Unsafe, which JDK 24+ warns about on every start.
            command.add("--sun-misc-unsafe-memory-access=allow");
        }
        command.addAll(List.of("-jar", jar.toAbsolutePath().toString()));
        ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile())
                .redirectErrorStream(true)
                .redirectOutput(again ? ProcessBuilder.Redirect.appendTo(log.toFile()) : ProcessBuilder.Redirect.to(log.toFile()));
        // Hermetic: nothing of a developer's shell configures the services but what is set here.
        pb.environment().keySet().removeIf(k -> k.startsWith("KASSA_") || k.startsWith("QUARKUS_")
                || k.startsWith("KAFKA_") || k.startsWith("MP_MESSAGING_"));
        pb.environment().putAll(env);
        processes.put(s, pb.start());
    }

    private void awaitHealthy(Duration timeout) throws InterruptedException {
        awaitHealthy(List.copyOf(processes.keySet()), timeout);
    }

    private void awaitHealthy(List<Service> services, Duration timeout) throws InterruptedException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        long began = System.nanoTime();
        List<Service> pending = new ArrayList<>(services);
        while (!pending.isEmpty()) {
            for (Service s : List.copyOf(pending)) {
                if (health(client, s) == 200) {
                    pending.remove(s);
                    System.out.printf("  %-14s healthy on :%d after %.1f s%n", s.name(), s.port(),
                            (System.nanoTime() - began) / 1e9);
                } else if (!processes.get(s).isAlive()) {
                    throw new IllegalStateException(s.name() + " exited (code " + processes.get(s).exitValue()
                            + ") before /health answered 200; end of " + logOf(s) + ":\n" + tail(s, 60));
                }
            }
            if (pending.isEmpty()) {
                break;
            }
            if (System.nanoTime() > deadline) {
                StringBuilder message = new StringBuilder("No HTTP 200 from /health within " + timeout.toSeconds()
                        + " s from: " + pending.stream().map(Service::name).toList());
                for (Service s : pending) {
                    message.append("\n--- end of ").append(logOf(s)).append(":\n").append(tail(s, 40));
                }
                throw new IllegalStateException(message.toString());
            }
            Thread.sleep(500);
        }
    }

    private static int health(HttpClient client, Service s) throws InterruptedException {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.port() + "/health"))
                    .timeout(Duration.ofSeconds(3)).GET().build();
            return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return -1;
        }
    }

    Path logOf(Service s) {
        return logDir.resolve(s.name() + ".log");
    }

    String tail(Service s, int lines) {
        try {
            List<String> all = Files.readAllLines(logOf(s), StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(cannot read " + logOf(s) + ": " + e + ")";
        }
    }

    /** The services that are no longer running, with the end of their logs (for a failure message). */
    String deadServices() {
        StringBuilder out = new StringBuilder();
        processes.forEach((s, p) -> {
            if (!p.isAlive()) {
                out.append(s.name()).append(" exited with ").append(p.exitValue()).append("; end of ")
                        .append(logOf(s)).append(":\n").append(tail(s, 30)).append('\n');
            }
        });
        return out.toString();
    }

    @Override
    public void close() {
        stopAll();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException shuttingDown) {
            // already running the hooks
        }
    }

    /** SIGTERM to every guard (which stops its service), then SIGKILL to whatever is left after 20 s. */
    private synchronized void stopAll() {
        if (processes.isEmpty()) {
            return;
        }
        Map<Process, List<ProcessHandle>> trees = new LinkedHashMap<>();
        processes.values().forEach(p -> trees.put(p, p.descendants().toList()));
        trees.keySet().forEach(Process::destroy);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        for (Map.Entry<Process, List<ProcessHandle>> tree : trees.entrySet()) {
            try {
                long left = Math.max(0, deadline - System.nanoTime());
                tree.getKey().waitFor(left, TimeUnit.NANOSECONDS);
                for (ProcessHandle child : tree.getValue()) {
                    child.onExit().get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                }
            } catch (Exception e) {
                // killed below
            }
            tree.getValue().stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
            if (tree.getKey().isAlive()) {
                tree.getKey().destroyForcibly();
            }
        }
        processes.clear();
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
