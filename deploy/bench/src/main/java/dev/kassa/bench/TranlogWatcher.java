package dev.kassa.bench;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Bill-to-Kafka latency: from the moment a bill response arrived to the moment its tranlog was read from
 * {@code pos.tranlog}. The consumer has no group: it is assigned every partition, positioned at the end
 * offsets before the load starts, and hands each tranlog of the bench tenant to a {@link BillMatcher}.
 * A KafkaConsumer is not thread safe: once {@link #start} ran, only the poller thread touches it; others stop
 * it with {@link KafkaConsumer#wakeup()}, the one method meant to be called from another thread.
 */
final class TranlogWatcher implements AutoCloseable {

    static final String TOPIC = "pos.tranlog";

    private final String tenantId;
    private static final Set<String> FIELDS = Set.of("tenant_id", "store_code", "terminal_no", "transaction_no");

    private final KafkaConsumer<String, byte[]> consumer;
    private final int partitions;
    private final BillMatcher matcher = new BillMatcher();
    private volatile boolean running = true;
    private Thread poller;

    /** Connects and positions the consumer; throws when Kafka or the topic is not there within seconds. */
    TranlogWatcher(String bootstrap, String tenantId) {
        this.tenantId = tenantId;
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        p.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        // The broker answers a fetch as soon as a record arrives; the wait only bounds idle polling, which costs CPU.
        p.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "500");
        p.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "10000");
        p.put(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, "kassa-bench");
        consumer = new KafkaConsumer<>(p);
        try {
            List<PartitionInfo> infos = consumer.partitionsFor(TOPIC, Duration.ofSeconds(10));
            if (infos == null || infos.isEmpty()) {
                throw new IllegalStateException("topic " + TOPIC + " has no partitions (not created yet?)");
            }
            List<TopicPartition> partitions = infos.stream()
                    .map(i -> new TopicPartition(i.topic(), i.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position); // resolve the end offsets now, before the load
            this.partitions = partitions.size();
        } catch (RuntimeException e) {
            consumer.close(Duration.ofSeconds(1));
            throw e;
        }
    }

    int partitions() {
        return partitions;
    }

    void start() {
        poller = Thread.ofPlatform().name("tranlog-watcher").daemon(true).start(this::poll);
    }

    /** A bill response arrived at {@code nanos}; {@code measured}: it is one of the measured bills. */
    void billed(String terminalId, String transactionNo, long nanos, boolean measured) {
        matcher.billed(BillMatcher.key(terminalId, transactionNo), nanos, measured);
    }

    /** Waits up to {@code grace} for the tranlogs of the measured bills, then stops polling and reports. */
    BillMatcher.Result finish(Duration grace) throws InterruptedException {
        long deadline = System.nanoTime() + grace.toNanos();
        while (System.nanoTime() < deadline && matcher.pending() > 0) {
            TimeUnit.MILLISECONDS.sleep(50);
        }
        stopPoller();
        return matcher.result();
    }

    @Override
    public void close() {
        if (poller == null) {
            consumer.close(Duration.ofSeconds(1)); // never polled: this thread is its only user
        } else {
            stopPoller();
        }
    }

    private void stopPoller() {
        running = false;
        consumer.wakeup();
        try {
            poller.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The match key of a tranlog of this tenant ({tenant}-{store}-{no}#{transaction_no}, from the payload), or
     * null for another tenant's record or one without a transaction number.
     */
    static String keyOf(byte[] tranlog, String tenantId) {
        if (tranlog == null) {
            return null;
        }
        Map<String, String> f = JsonFields.topLevel(tranlog, FIELDS);
        String no = f.getOrDefault("transaction_no", "");
        if (!tenantId.equals(f.get("tenant_id")) || no.isBlank()) {
            return null;
        }
        String terminalId = tenantId + "-" + f.getOrDefault("store_code", "") + "-" + f.getOrDefault("terminal_no", "");
        return BillMatcher.key(terminalId, no);
    }

    private void poll() {
        try {
            while (running) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofSeconds(1))) {
                    long now = System.nanoTime();
                    String key = keyOf(r.value(), tenantId);
                    if (key != null) {
                        matcher.consumed(key, now);
                    }
                }
            }
        } catch (WakeupException e) {
            // stopped on purpose
        } catch (RuntimeException e) {
            System.err.println("bench: reading " + TOPIC + " stopped: " + e);
        } finally {
            consumer.close(Duration.ofSeconds(1));
        }
    }
}
