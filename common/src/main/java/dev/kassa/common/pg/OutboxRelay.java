package dev.kassa.common.pg;

import dev.kassa.common.health.BackgroundJob;
import dev.kassa.common.trace.EventTracing;
import dev.kassa.common.trace.TraceContext;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.ApiException;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.UnknownProducerIdException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Utils;
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
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Publishes committed outbox rows to Kafka. A thread of its own waits on LISTEN kassa_outbox
 * (the insert trigger's NOTIFY) and polls as a fallback; each pass claims the oldest pending
 * rows with FOR UPDATE SKIP LOCKED, sends them, waits for the broker's acks and records each
 * row's outcome in that same transaction. A crash anywhere before commit means the rows are
 * sent again later, so delivery is at least once and consumers dedupe by event id. A
 * transaction-scoped advisory lock lets one replica relay at a time, which keeps each
 * terminal's events in order however many replicas run.
 * <p>
 * Each row has its own outcome. Acked: published. A failure that passes by itself (broker down,
 * timeouts, any {@link RetriableException}): left pending and tried again after a pause, never
 * parked. A failure that will not pass (a record over {@code kassa.outbox.max-record-bytes},
 * checked before sending; a record the broker rejects, such as one over its size limit):
 * counted in {@code attempts} with {@code last_error}, and after {@code kassa.outbox.max-attempts}
 * (at once when over the size limit) the row is parked. The rows behind it go on; a parked row
 * waits for an operator's re-drive ({@link ParkedOutbox}).
 * <p>
 * Each send is a span ({@link EventTracing}) whose parent is the trace context the row keeps, and the
 * record carries the send's context as {@code traceparent}/{@code tracestate} headers, so the consumers
 * continue the writing request's trace. On shutdown the pass under way finishes and commits (which
 * releases its row locks and the relay lock) before the producer closes.
 */
@ApplicationScoped
public class OutboxRelay implements BackgroundJob {
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** The advisory lock one relay of a database holds while it relays. */
    public static final long RELAY_LOCK = 0x6b61737361L; // "kassa"
    /** Room for the record and batch headers the producer adds around key, value and headers. */
    static final int RECORD_OVERHEAD_BYTES = 64 * 1024;
    private static final int ERROR_TEXT_MAX = 1000;

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

    /**
     * The largest record (key, value and headers) the relay sends: the producer's
     * {@code max.request.size} is this plus {@link #RECORD_OVERHEAD_BYTES}, and the broker's
     * {@code message.max.bytes} must be at least that. 8 MiB holds the largest legal sale.
     */
    @ConfigProperty(name = "kassa.outbox.max-record-bytes", defaultValue = "8388608")
    int maxRecordBytes;

    /** Failures that will not pass by themselves before a row is parked. */
    @ConfigProperty(name = "kassa.outbox.max-attempts", defaultValue = "3")
    int maxAttempts;

    /** How often the relay thread refreshes the backlog, parked and oldest-age gauges. */
    @ConfigProperty(name = "kassa.outbox.metrics-interval", defaultValue = "PT5S")
    Duration metricsInterval;

    @Inject
    DataSource dataSource;

    @Inject
    MeterRegistry registry;

    @Inject
    EventTracing tracing;

    private final ReentrantLock passLock = new ReentrantLock();
    private volatile boolean running;
    private volatile boolean paused;
    private volatile Thread worker;
    private KafkaProducer<String, String> producer;
    private Instant lastPrune = Instant.EPOCH;
    private Instant lastMetrics = Instant.EPOCH;
    private final AtomicLong backlog = new AtomicLong();
    private final AtomicLong parked = new AtomicLong();
    private final AtomicLong oldestAgeSeconds = new AtomicLong();
    private final Map<String, Counter> publishedByTopic = new ConcurrentHashMap<>();

    /** After {@link TenantSchemas} has migrated the shared schema the relay reads. */
    void onStart(@Observes @Priority(100) StartupEvent event) {
        Gauge.builder("kassa.outbox.backlog", backlog, AtomicLong::get)
                .description("Outbox rows waiting to be published (parked rows not included)").register(registry);
        Gauge.builder("kassa.outbox.parked", parked, AtomicLong::get)
                .description("Outbox rows parked after failures that will not pass by themselves").register(registry);
        Gauge.builder("kassa.outbox.oldest.age.seconds", oldestAgeSeconds, AtomicLong::get)
                .description("Age of the oldest outbox row waiting to be published").register(registry);
        if (enabled) {
            start();
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        stop();
    }

    @Override
    public String jobName() {
        return "outbox-relay";
    }

    @Override
    public boolean enabled() {
        return enabled;
    }

    @Override
    public boolean running() {
        Thread w = worker;
        return running && w != null && w.isAlive();
    }

    public synchronized void start() {
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
        props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, String.valueOf(maxRecordBytes + RECORD_OVERHEAD_BYTES));
        props.put(ProducerConfig.BUFFER_MEMORY_CONFIG,
                String.valueOf(Math.max(32L * 1024 * 1024, 4L * (maxRecordBytes + RECORD_OVERHEAD_BYTES))));
        props.put(ProducerConfig.CLIENT_ID_CONFIG, "kassa-outbox-relay");
        producer = new KafkaProducer<>(props);
        running = true;
        worker = Thread.ofPlatform().daemon().name("outbox-relay").start(this::loop);
    }

    /**
     * Lets the pass under way finish and commit (it waits for its acks at most the send timeout), so no
     * claimed row and no relay lock stays held by a transaction the shutdown would cut; then wakes the
     * idle thread and closes the producer.
     */
    public synchronized void stop() {
        running = false;
        Thread w = worker;
        if (w != null) {
            boolean idle = false;
            try {
                idle = passLock.tryLock(sendTimeout.toMillis() + 5_000, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                if (idle) {
                    passLock.unlock();
                }
            }
            w.interrupt();
            try {
                w.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            worker = null;
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
                    Pass pass;
                    do {
                        pass = relayOnce();
                    } while (running && !paused && pass.settled() == batchSize && !pass.transientFailure());
                    refreshGauges(pass.parked() > 0);
                    pruneNowAndThen();
                    if (pass.transientFailure()) {
                        sleep(pollInterval); // the broker is struggling: give it a moment
                    }
                } else {
                    refreshGauges(false);
                }
            } catch (Exception e) {
                if (!running) {
                    break;
                }
                LOG.warnf("Outbox relay pass failed, retrying: %s", e.toString());
                closeQuietly(listener);
                listener = null;
                refreshGaugesQuietly();
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

    /**
     * What one pass did.
     *
     * @param settled          rows that will not be claimed again as they were (published or failed for good)
     * @param transientFailure a row failed for a reason that may pass (it stays pending)
     */
    record Pass(int published, int failed, int parked, int settled, boolean transientFailure) {
        static final Pass NONE = new Pass(0, 0, 0, 0, false);
    }

    private record Row(long id, String eventId, String tenantId, String topic, String key, String eventType,
                       String payload, int attempts, TraceContext trace) {
    }

    /** One pass: claims, sends and settles up to a batch of rows. */
    Pass relayOnce() throws Exception {
        passLock.lock();
        if (!running && worker != null) {
            passLock.unlock();
            return Pass.NONE; // stopping: claim nothing more
        }
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                Pass pass = relayIn(c);
                c.commit();
                return pass;
            } catch (Exception e) {
                c.rollback();
                throw e;
            }
        } finally {
            passLock.unlock();
        }
    }

    private Pass relayIn(Connection c) throws Exception {
        try (PreparedStatement lock = c.prepareStatement("SELECT pg_try_advisory_xact_lock(?)")) {
            lock.setLong(1, RELAY_LOCK);
            try (ResultSet rs = lock.executeQuery()) {
                if (!rs.next() || !rs.getBoolean(1)) {
                    return Pass.NONE; // another replica is relaying right now
                }
            }
        }
        List<Row> rows = claim(c);
        if (rows.isEmpty()) {
            return Pass.NONE;
        }
        List<Future<?>> acks = new ArrayList<>(rows.size());
        boolean brokerTrouble = false;
        for (Row row : rows) {
            if (brokerTrouble) {
                acks.add(null); // not sent in this pass: stays pending, in order, for the next
                continue;
            }
            acks.add(send(row));
            Throwable early = failureOf(acks.getLast(), 0);
            brokerTrouble = early != null && !willNotPass(early);
        }
        long deadline = System.nanoTime() + sendTimeout.toNanos();
        List<Long> published = new ArrayList<>();
        int failed = 0;
        int parkedNow = 0;
        boolean transientFailure = brokerTrouble;
        for (int i = 0; i < rows.size(); i++) {
            Row row = rows.get(i);
            Future<?> ack = acks.get(i);
            if (ack == null) {
                continue;
            }
            Throwable failure = failureOf(ack, Math.max(1, deadline - System.nanoTime()));
            if (failure == null) {
                published.add(row.id());
                publishedByTopic.computeIfAbsent(row.topic(), this::publishedCounter).increment();
            } else if (willNotPass(failure)) {
                failed++;
                if (recordFailure(c, row, failure)) {
                    parkedNow++;
                }
            } else {
                transientFailure = true;
                LOG.debugf("Outbox row %d not published yet, will retry: %s", row.id(), failure);
            }
        }
        if (!published.isEmpty()) {
            try (PreparedStatement mark = c.prepareStatement(
                    "UPDATE kassa.outbox SET published_at = now(), attempts = attempts + 1 WHERE id = ANY (?)")) {
                mark.setArray(1, c.createArrayOf("bigint", published.toArray()));
                mark.executeUpdate();
            }
        }
        if (transientFailure) {
            LOG.warnf("Outbox relay: %d of %d rows not published yet (broker unavailable?), retrying",
                    rows.size() - published.size() - failed, rows.size());
        }
        return new Pass(published.size(), failed, parkedNow, published.size() + failed, transientFailure);
    }

    private List<Row> claim(Connection c) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement claim = c.prepareStatement("""
                SELECT id, event_id, tenant_id, topic, msg_key, event_type, payload, attempts, traceparent, tracestate
                FROM kassa.outbox
                WHERE published_at IS NULL AND parked_at IS NULL ORDER BY id LIMIT ? FOR UPDATE SKIP LOCKED""")) {
            claim.setInt(1, batchSize);
            try (ResultSet rs = claim.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(rs.getLong("id"), rs.getString("event_id"), rs.getString("tenant_id"),
                            rs.getString("topic"), rs.getString("msg_key"), rs.getString("event_type"),
                            rs.getString("payload"), rs.getInt("attempts"), trace(rs)));
                }
            }
        }
        return rows;
    }

    private static TraceContext trace(ResultSet rs) throws SQLException {
        String parent = rs.getString("traceparent");
        return parent == null ? null : new TraceContext(parent, rs.getString("tracestate"));
    }

    private Counter publishedCounter(String topic) {
        return Counter.builder("kassa.events.published").description("Outbox events the broker acknowledged")
                .tag("topic", topic).register(registry);
    }

    /**
     * Sends one row, or answers its failure: over the size limit, or refused by the producer at once.
     * The send's span ends with the broker's answer.
     */
    private Future<?> send(Row row) {
        ProducerRecord<String, String> record = new ProducerRecord<>(row.topic(), row.key(), row.payload());
        record.headers().add("event_id", row.eventId().getBytes(StandardCharsets.UTF_8));
        record.headers().add("event_type", row.eventType().getBytes(StandardCharsets.UTF_8));
        record.headers().add("tenant_id", row.tenantId().getBytes(StandardCharsets.UTF_8));
        Span span = tracing.startPublish(row.topic(), row.eventId(), row.trace());
        EventTracing.inject(record.headers(), span, row.trace());
        long size = sizeOf(record);
        if (size > maxRecordBytes) {
            RecordOverLimit over = new RecordOverLimit(size, maxRecordBytes);
            EventTracing.end(span, over);
            return CompletableFuture.failedFuture(over);
        }
        try {
            return span == null ? producer.send(record)
                    : producer.send(record, (metadata, failure) -> EventTracing.end(span, failure));
        } catch (RuntimeException e) {
            EventTracing.end(span, e);
            return CompletableFuture.failedFuture(e);
        }
    }

    static long sizeOf(ProducerRecord<String, String> record) {
        long size = Utils.utf8Length(record.topic()) + (record.key() == null ? 0 : Utils.utf8Length(record.key()))
                + (record.value() == null ? 0 : Utils.utf8Length(record.value()));
        for (Header h : record.headers()) {
            size += Utils.utf8Length(h.key()) + (h.value() == null ? 0 : h.value().length);
        }
        return size;
    }

    /** The failure of a send, waiting up to {@code nanos} for it; null when it was acked. */
    private static Throwable failureOf(Future<?> ack, long nanos) {
        try {
            if (nanos == 0) {
                if (!ack.isDone()) {
                    return null;
                }
                ack.get();
            } else {
                ack.get(nanos, TimeUnit.NANOSECONDS);
            }
            return null;
        } catch (ExecutionException e) {
            return e.getCause() == null ? e : e.getCause();
        } catch (TimeoutException e) {
            return new org.apache.kafka.common.errors.TimeoutException("No ack within the relay's send timeout");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new org.apache.kafka.common.errors.InterruptException(e);
        }
    }

    /**
     * Whether a failure will come back however often the row is sent: over the size limit, not
     * serializable, or rejected by the broker for the record itself. Retriable errors, timeouts and
     * the idempotent producer's own sequence and epoch troubles (which one failed record in a batch
     * can cause for the records sent with it) pass by themselves.
     */
    static boolean willNotPass(Throwable failure) {
        if (failure instanceof RecordOverLimit || failure instanceof SerializationException) {
            return true;
        }
        if (failure instanceof RetriableException || failure instanceof OutOfOrderSequenceException
                || failure instanceof UnknownProducerIdException || failure instanceof InvalidProducerEpochException
                || failure instanceof ProducerFencedException) {
            return false;
        }
        return failure instanceof ApiException;
    }

    /** Counts a failure that will not pass; parks the row when its attempts are used up. True when parked. */
    private boolean recordFailure(Connection c, Row row, Throwable failure) throws SQLException {
        int attempts = row.attempts() + 1;
        boolean park = attempts >= maxAttempts || failure instanceof RecordOverLimit;
        String error = describe(failure);
        try (PreparedStatement ps = c.prepareStatement("""
                UPDATE kassa.outbox SET attempts = ?, last_error = ?,
                       parked_at = CASE WHEN ? THEN now() ELSE NULL END
                WHERE id = ?""")) {
            ps.setInt(1, attempts);
            ps.setString(2, error);
            ps.setBoolean(3, park);
            ps.setLong(4, row.id());
            ps.executeUpdate();
        }
        if (park) {
            LOG.errorf("Outbox row %d (event %s, tenant %s, topic %s) parked after %d attempt(s): %s", row.id(),
                    row.eventId(), row.tenantId(), row.topic(), attempts, error);
        } else {
            LOG.warnf("Outbox row %d (event %s) failed, attempt %d of %d: %s", row.id(), row.eventId(), attempts,
                    maxAttempts, error);
        }
        return park;
    }

    private static String describe(Throwable failure) {
        String text = failure.getClass().getSimpleName() + ": " + failure.getMessage();
        return text.length() <= ERROR_TEXT_MAX ? text : text.substring(0, ERROR_TEXT_MAX);
    }

    /** A record larger than {@code kassa.outbox.max-record-bytes}; never sent. */
    static final class RecordOverLimit extends RuntimeException {
        RecordOverLimit(long size, int limit) {
            super("the record is " + size + " bytes, over kassa.outbox.max-record-bytes (" + limit + ")", null,
                    false, false);
        }
    }

    private void refreshGaugesQuietly() {
        try {
            refreshGauges(false);
        } catch (Exception e) {
            LOG.debugf("Outbox gauges not refreshed: %s", e);
        }
    }

    /** Backlog, parked count and oldest age, read now and then by this thread (never on a scrape). */
    private void refreshGauges(boolean now) throws SQLException {
        if (!now && Instant.now().isBefore(lastMetrics.plus(metricsInterval))) {
            return;
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("""
                     SELECT (SELECT count(*) FROM kassa.outbox WHERE published_at IS NULL AND parked_at IS NULL),
                            (SELECT count(*) FROM kassa.outbox WHERE parked_at IS NOT NULL),
                            (SELECT coalesce(extract(epoch FROM now() - min(created_at)), 0)::bigint
                               FROM kassa.outbox WHERE published_at IS NULL AND parked_at IS NULL)""");
             ResultSet rs = ps.executeQuery()) {
            if (rs.next()) {
                backlog.set(rs.getLong(1));
                parked.set(rs.getLong(2));
                oldestAgeSeconds.set(rs.getLong(3));
            }
        }
        lastMetrics = Instant.now();
    }

    /** Asks the relay thread to refresh the gauges at its next wake-up (after a re-drive, say). */
    void refreshGaugesSoon() {
        lastMetrics = Instant.EPOCH;
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
