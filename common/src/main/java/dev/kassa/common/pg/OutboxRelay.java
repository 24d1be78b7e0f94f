package dev.kassa.common.pg;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Publishes committed outbox rows to Kafka. A thread of its own waits on LISTEN kassa_outbox
 * (the insert trigger's NOTIFY) and polls as a fallback; each pass claims the oldest unpublished
 * rows with FOR UPDATE SKIP LOCKED, sends them, waits for the broker's acks and only then marks
 * them published, in that same transaction. A crash anywhere before commit means the rows are
 * sent again later, so delivery is at least once and consumers dedupe by event id. A
 * transaction-scoped advisory lock lets one replica relay at a time, which keeps each
 * terminal's events in order however many replicas run.
 */
@ApplicationScoped
public class OutboxRelay {
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final long RELAY_LOCK = 0x6b61737361L; // "kassa"

    @ConfigProperty(name = "kassa.outbox.relay.enabled", defaultValue = "true")
    boolean enabled;

    @ConfigProperty(name = "kafka.bootstrap.servers", defaultValue = "localhost:9092")
    String bootstrapServers;

    @ConfigProperty(name = "kassa.outbox.poll-interval", defaultValue = "PT1S")
    Duration pollInterval;

    @ConfigProperty(name = "kassa.outbox.batch-size", defaultValue = "200")
    int batchSize;

    @ConfigProperty(name = "kassa.outbox.send-timeout", defaultValue = "PT15S")
    Duration sendTimeout;

    @ConfigProperty(name = "kassa.outbox.retention", defaultValue = "P7D")
    Duration retention;

    @Inject
    DataSource dataSource;

    private final ReentrantLock passLock = new ReentrantLock();
    private volatile boolean running;
    private volatile boolean paused;
    private volatile Thread worker;
    private KafkaProducer<String, String> producer;
    private Instant lastPrune = Instant.EPOCH;

    /** After {@link TenantSchemas} has migrated the shared schema the relay reads. */
    void onStart(@Observes @Priority(100) StartupEvent event) {
        if (enabled) {
            start();
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        stop();
    }

    synchronized void start() {
        if (running) {
            return;
        }
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "1");
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "5000");
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "5000");
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "10000");
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "kassa-outbox-relay");
        producer = new KafkaProducer<>(props);
        running = true;
        worker = Thread.ofPlatform().daemon().name("outbox-relay").start(this::loop);
    }

    synchronized void stop() {
        running = false;
        Thread w = worker;
        if (w != null) {
            w.interrupt();
            try {
                w.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
            producer = null;
        }
    }

    /** Stops relaying after the pass under way (tests use it to hold events between commit and publish). */
    public void pause() {
        paused = true;
        passLock.lock();
        passLock.unlock();
    }

    public void resume() {
        paused = false;
    }

    public boolean isPaused() {
        return paused;
    }

    private void loop() {
        Connection listener = null;
        while (running) {
            try {
                if (listener == null || listener.isClosed()) {
                    listener = listen();
                }
                // Wakes at a NOTIFY, or after the poll interval at the latest.
                listener.unwrap(PGConnection.class).getNotifications((int) pollInterval.toMillis());
                if (!paused) {
                    while (running && !paused && relayOnce() == batchSize) {
                        // a full batch: more may be waiting
                    }
                    pruneNowAndThen();
                }
            } catch (Exception e) {
                if (!running) {
                    break;
                }
                LOG.warnf("Outbox relay pass failed, retrying: %s", e.toString());
                closeQuietly(listener);
                listener = null;
                sleep(pollInterval);
            }
        }
        closeQuietly(listener);
    }

    private Connection listen() throws SQLException {
        Connection c = dataSource.getConnection();
        c.setAutoCommit(true);
        try (Statement s = c.createStatement()) {
            s.execute("LISTEN kassa_outbox");
        }
        return c;
    }

    /** One pass: claims, sends and marks up to a batch of rows. Returns how many it published. */
    int relayOnce() throws Exception {
        passLock.lock();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                int published = relayIn(c);
                c.commit();
                return published;
            } catch (Exception e) {
                c.rollback();
                throw e;
            }
        } finally {
            passLock.unlock();
        }
    }

    private int relayIn(Connection c) throws Exception {
        try (PreparedStatement lock = c.prepareStatement("SELECT pg_try_advisory_xact_lock(?)")) {
            lock.setLong(1, RELAY_LOCK);
            try (ResultSet rs = lock.executeQuery()) {
                if (!rs.next() || !rs.getBoolean(1)) {
                    return 0; // another replica is relaying right now
                }
            }
        }
        List<Long> ids = new ArrayList<>();
        List<Future<?>> acks = new ArrayList<>();
        try (PreparedStatement claim = c.prepareStatement("""
                SELECT id, event_id, tenant_id, topic, msg_key, event_type, payload FROM kassa.outbox
                WHERE published_at IS NULL ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED""")) {
            claim.setInt(1, batchSize);
            try (ResultSet rs = claim.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong("id"));
                    ProducerRecord<String, String> record = new ProducerRecord<>(rs.getString("topic"),
                            rs.getString("msg_key"), rs.getString("payload"));
                    record.headers().add("event_id", rs.getString("event_id").getBytes(StandardCharsets.UTF_8));
                    record.headers().add("event_type", rs.getString("event_type").getBytes(StandardCharsets.UTF_8));
                    record.headers().add("tenant_id", rs.getString("tenant_id").getBytes(StandardCharsets.UTF_8));
                    acks.add(producer.send(record));
                }
            }
        }
        if (ids.isEmpty()) {
            return 0;
        }
        long deadline = System.nanoTime() + sendTimeout.toNanos();
        for (Future<?> ack : acks) {
            ack.get(Math.max(1, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        }
        try (PreparedStatement mark = c.prepareStatement(
                "UPDATE kassa.outbox SET published_at = now(), attempts = attempts + 1 WHERE id = ANY (?)")) {
            mark.setArray(1, c.createArrayOf("bigint", ids.toArray()));
            mark.executeUpdate();
        }
        return ids.size();
    }

    private void pruneNowAndThen() throws SQLException {
        if (Instant.now().isBefore(lastPrune.plus(Duration.ofHours(1)))) {
            return;
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "DELETE FROM kassa.outbox WHERE published_at < now() - make_interval(secs => ?)")) {
            ps.setLong(1, retention.toSeconds());
            int pruned = ps.executeUpdate();
            if (pruned > 0) {
                LOG.infof("Pruned %d published outbox rows", pruned);
            }
        }
        lastPrune = Instant.now();
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // the connection is being dropped anyway
            }
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
