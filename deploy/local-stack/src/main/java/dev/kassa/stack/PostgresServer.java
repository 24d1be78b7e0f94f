package dev.kassa.stack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;

/**
 * PostgreSQL from zonky's embedded binaries. Superuser {@code postgres} with trust authentication, so any
 * password (the services use {@code postgres}) is accepted. Zonky's binaries also run when we are root.
 */
final class PostgresServer implements Server {

    static final String USER = "postgres";
    static final String PASSWORD = "postgres";
    /** One database per service that owns PostgreSQL data, and {@code kassa} for tests that name none. */
    static final List<String> DATABASES = List.of("account", "terminal", "masterdata", "cart", "stock", "kassa");

    private final int port;
    private final Path dataDir;
    private final boolean ephemeral;
    private EmbeddedPostgres postgres;

    PostgresServer(int port, Path dataDir, boolean ephemeral) {
        this.port = port;
        this.dataDir = dataDir;
        this.ephemeral = ephemeral;
    }

    @Override
    public String name() {
        return "postgres";
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public synchronized void start() throws Exception {
        if (postgres != null) {
            return;
        }
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setPort(port)
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(false)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("listen_addresses", Ports.HOST)
                // eight services with reactive and JDBC pools, plus tests
                .setServerConfig("max_connections", "300");
        if (ephemeral) {
            // Throw-away data: durability costs time and buys nothing.
            builder.setServerConfig("fsync", "off")
                    .setServerConfig("synchronous_commit", "off")
                    .setServerConfig("full_page_writes", "off");
        }
        postgres = builder.start();
        ensureDatabases(port);
    }

    /** Creates the missing databases; also run against a PostgreSQL that was already listening. */
    static void ensureDatabases(int port) throws Exception {
        String url = "jdbc:postgresql://" + Ports.HOST + ":" + port + "/postgres";
        try (Connection connection = DriverManager.getConnection(url, USER, PASSWORD);
             PreparedStatement exists = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?");
             Statement create = connection.createStatement()) {
            for (String database : DATABASES) {
                exists.setString(1, database);
                try (ResultSet row = exists.executeQuery()) {
                    if (!row.next()) {
                        create.execute("CREATE DATABASE " + database);
                    }
                }
            }
        }
    }

    @Override
    public synchronized void stop() throws Exception {
        if (postgres != null) {
            try {
                postgres.close();
            } finally {
                postgres = null;
            }
        }
    }

    @Override
    public synchronized boolean running() {
        return postgres != null;
    }
}
