package dev.kassa.account;

import dev.kassa.common.test.KassaInfra;

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
 * A second account-service replica in its own JVM: the packaged app of this module
 * ({@code target/quarkus-app}, built before the tests) run with {@code java -jar} against the
 * same PostgreSQL and Redis as the test's own replica, on a port of its own.
 */
final class SecondReplica implements AutoCloseable {
    static final Path JAR = Path.of("target", "quarkus-app", "quarkus-run.jar");

    final int port;
    final Path log;
    private final Process process;

    private SecondReplica(int port, Path log, Process process) {
        this.port = port;
        this.log = log;
        this.process = process;
    }

    static boolean available() {
        return Files.isRegularFile(JAR);
    }

    /**
     * Starts the replica with the public key only (no {@code private.pem} in its keys directory,
     * and {@code kassa.keys.signer=false}): it verifies tokens but can issue none.
     */
    static SecondReplica start(String instanceId, Map<String, String> extra) throws Exception {
        int port = freePort();
        Path keys = Files.createTempDirectory("account-replica-keys");
        for (String file : List.of("public.pem")) {
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
        Map<String, String> config = new java.util.LinkedHashMap<>(KassaInfra.config("account"));
        config.remove("quarkus.mongodb.connection-string");
        config.put("quarkus.http.port", Integer.toString(port));
        config.put("kassa.keys.dir", keys.toString());
        config.put("kassa.keys.signer", "false");
        config.putAll(extra);
        config.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.add("-jar");
        command.add(JAR.toAbsolutePath().toString());
        Path log = Path.of("target", "replica-" + instanceId + ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        SecondReplica replica = new SecondReplica(port, log, process);
        replica.awaitReady(Duration.ofSeconds(240));
        return replica;
    }

    private void awaitReady(Duration timeout) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The second replica exited: see " + log.toAbsolutePath());
            }
            if (logText().contains("started in")) {
                try {
                    HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/"))
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

    String logText() {
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
