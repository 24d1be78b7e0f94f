package dev.kassa.stack;

import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A MongoDB wire-compatible server (mongo-java-server): H2 file storage when persistent, memory otherwise.
 * The backend outlives a stop and start through the control channel, so the data comes back in both modes.
 */
final class MongoServer implements Server {

    private final int port;
    private final Path dataDir;
    private final boolean ephemeral;
    private MongoBackend backend;
    private de.bwaldvogel.mongo.MongoServer server;

    MongoServer(int port, Path dataDir, boolean ephemeral) {
        this.port = port;
        this.dataDir = dataDir;
        this.ephemeral = ephemeral;
    }

    @Override
    public String name() {
        return "mongo";
    }

    @Override
    public int port() {
        return port;
    }

    String uri() {
        return "mongodb://" + Ports.HOST + ":" + port;
    }

    @Override
    public synchronized void start() throws Exception {
        if (server != null) {
            return;
        }
        if (backend == null) {
            if (ephemeral) {
                backend = new MemoryBackend();
            } else {
                Files.createDirectories(dataDir);
                backend = new H2Backend(dataDir.resolve("mongo.mv").toString());
            }
        }
        de.bwaldvogel.mongo.MongoServer started = new de.bwaldvogel.mongo.MongoServer(keptOpen(backend));
        started.bind(Ports.HOST, port);
        server = started;
    }

    /** The backend as the server sees it: the server closes its backend on shutdown, which would drop the data. */
    private static MongoBackend keptOpen(MongoBackend backend) {
        return (MongoBackend) Proxy.newProxyInstance(MongoBackend.class.getClassLoader(),
                new Class<?>[] {MongoBackend.class}, (proxy, method, args) -> {
                    if (method.getName().equals("close") && method.getParameterCount() == 0) {
                        return null;
                    }
                    try {
                        return method.invoke(backend, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @Override
    public synchronized void stop() {
        if (server != null) {
            try {
                server.shutdownNow();
            } finally {
                server = null;
            }
        }
    }

    @Override
    public synchronized void close() {
        stop();
        if (backend != null) {
            // writes the H2 file out
            backend.close();
            backend = null;
        }
    }

    @Override
    public synchronized boolean running() {
        return server != null;
    }
}
