package dev.kassa.common.test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
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
import java.util.concurrent.TimeUnit;

/**
 * A second replica of the service under test in its own JVM: the packaged app of the module
 * ({@code target/quarkus-app}, built before the tests) run with {@code java -jar} against the same
 * servers as the test's own replica, on a port of its own, for tests that two replicas agree.
 */
public final class SecondReplica implements AutoCloseable {
    public static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");

    public final int port;
    public final Path log;
    private final Process process;

    private SecondReplica(int port, Path log, Process process) {
        this.port = port;
        this.log = log;
        this.process = process;
    }

    public static boolean available() {
        return Files.isRegularFile(JAR);
    }

    /**
     * Starts a replica with the test servers' configuration for {@code database} (null: the shared
     * one), without MongoDB, plus {@code extra}; it is ready when {@code readyPath} answers 200. Without
     * {@code privateKey} its keys directory holds the public key only ({@code kassa.keys.signer=false}):
     * it verifies tokens but can issue none.
     */
    public static SecondReplica start(String instanceId, String database, Map<String, String> extra,
                                      boolean privateKey, String readyPath) throws Exception {
        int port = freePort();
        Path keys = Files.createTempDirectory("replica-keys");
        for (String file : privateKey ? List.of("public.pem", "private.pem") : List.of("public.pem")) {
            try (InputStream in = SecondReplica.class.getClassLoader().getResourceAsStream("test-keys/" + file)) {
                Files.copy(in, keys.resolve(file));
            }
        }
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
        if (Runtime.version().feature() >= 24) {
            command.add("--sun-misc-unsafe-memory-access=allow");
        }
        Map<String, String> config = new java.util.LinkedHashMap<>(
                database == null ? KassaInfra.config() : KassaInfra.config(database));
        config.remove("quarkus.mongodb.connection-string");
        config.put("quarkus.http.port", Integer.toString(port));
        config.put("kassa.keys.dir", keys.toString());
        if (!privateKey) {
            config.put("kassa.keys.signer", "false");
        }
        config.putAll(extra);
        config.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.add("-jar");
        command.add(JAR.toAbsolutePath().toString());
        Path log = Path.of("target", "replica-" + instanceId + ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        SecondReplica replica = new SecondReplica(port, log, process);
        replica.awaitReady(readyPath, Duration.ofSeconds(240));
        return replica;
    }

    private void awaitReady(String readyPath, Duration timeout) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The second replica exited: see " + log.toAbsolutePath());
            }
            if (logText().contains("started in")) {
                try {
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + readyPath))
                            .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() == 200) {
                        return;
                    }
                } catch (IOException e) {
                    // not listening yet
                }
            }
            Thread.sleep(500);
        }
        close();
        throw new IllegalStateException("The second replica did not start in " + timeout + ": see " + log.toAbsolutePath());
    }

    public String logText() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
