package dev.kassa.stack;

import redis.embedded.core.ExecutableProvider;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Redis as a child process: Debian's {@code redis-server} when it is on the PATH, otherwise the binary that
 * embedded-redis ships. The child is stopped with us. Persistent mode keeps an append-only file in the data dir;
 * ephemeral mode writes nothing until a stop through the control channel (see {@link #stop()}).
 */
final class RedisServer implements Server {

    /** Redis' own log, in its data directory; read back when it fails to start. */
    private static final String LOG_FILE = "redis.log";

    private final int port;
    private final Path dataDir;
    private final boolean ephemeral;
    private File executable;
    private Process process;

    RedisServer(int port, Path dataDir, boolean ephemeral) {
        this.port = port;
        this.dataDir = dataDir;
        this.ephemeral = ephemeral;
    }

    @Override
    public String name() {
        return "redis";
    }

    @Override
    public int port() {
        return port;
    }

    String uri() {
        return "redis://" + Ports.HOST + ":" + port;
    }

    @Override
    public synchronized void start() throws Exception {
        if (process != null) {
            return;
        }
        Files.createDirectories(dataDir);
        List<String> command = new ArrayList<>(List.of(executable().getAbsolutePath(),
                "--port", String.valueOf(port), "--bind", Ports.HOST, "--protected-mode", "no",
                "--daemonize", "no", "--loglevel", "warning",
                "--dir", dataDir.toString(), "--logfile", dataDir.resolve(LOG_FILE).toString()));
        if (ephemeral) {
            command.addAll(List.of("--save", "", "--appendonly", "no"));
        } else {
            command.addAll(List.of("--appendonly", "yes"));
        }
        Process started = spawn(command);
        process = started;
        try {
            awaitPong(started);
        } catch (Exception e) {
            stop();
            throw new IllegalStateException(e.getMessage() + "; " + LOG_FILE + " ends with:\n" + logTail(), e);
        }
    }

    /**
     * Starts the binary, again after a short pause when exec answers ETXTBSY ("Text file busy"): the binary
     * was just extracted, and a process the other servers fork at the same moment can briefly hold the
     * extraction's file descriptor open.
     */
    private static Process spawn(List<String> command) throws IOException, InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                return new ProcessBuilder(command).redirectErrorStream(true)
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            } catch (IOException e) {
                boolean busy = String.valueOf(e.getMessage()).contains("error: 26")
                        || String.valueOf(e.getCause()).contains("Text file busy");
                if (!busy || attempt >= 10) {
                    throw e;
                }
                Thread.sleep(100L * attempt);
            }
        }
    }

    private File executable() throws IOException {
        if (executable == null) {
            executable = onPath("redis-server");
            if (executable == null) {
                executable = ExecutableProvider.newJarResourceProvider().get();
                executable.setExecutable(true);
            }
        }
        return executable;
    }

    private static File onPath(String name) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            File candidate = new File(dir, name);
            if (!dir.isEmpty() && candidate.canExecute()) {
                return candidate;
            }
        }
        return null;
    }

    private String logTail() {
        try {
            List<String> lines = Files.readAllLines(dataDir.resolve(LOG_FILE));
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private void awaitPong(Process redis) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            if (!redis.isAlive()) {
                throw new IllegalStateException("redis-server exited with " + redis.exitValue());
            }
            if (ping()) {
                return;
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException("redis-server did not answer PING on port " + port + " within 30 s");
    }

    private boolean ping() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(Ports.HOST, port), 200);
            socket.setSoTimeout(1000);
            OutputStream out = socket.getOutputStream();
            out.write("PING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            byte[] reply = socket.getInputStream().readNBytes(7);
            return new String(reply, StandardCharsets.US_ASCII).equals("+PONG\r\n");
        } catch (IOException e) {
            return false;
        }
    }

    /** Sends an inline command without waiting for an answer (SHUTDOWN closes the connection instead). */
    private boolean send(String command) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(Ports.HOST, port), 500);
            socket.setSoTimeout(15_000);
            socket.getOutputStream().write((command + "\r\n").getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            socket.getInputStream().read();
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * {@code SHUTDOWN SAVE} writes a snapshot even with {@code --save ""}, so that a restart through the control
     * channel brings the keys back in ephemeral mode too; SIGTERM if redis does not answer.
     */
    @Override
    public synchronized void stop() throws InterruptedException {
        if (process != null) {
            try {
                if (!send("SHUTDOWN SAVE")) {
                    process.destroy();
                }
                if (!process.waitFor(15, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            } finally {
                process = null;
            }
        }
    }

    @Override
    public synchronized boolean running() {
        return process != null;
    }
}
