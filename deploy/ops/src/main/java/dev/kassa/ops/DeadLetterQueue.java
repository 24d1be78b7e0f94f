package dev.kassa.ops;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Future;

/**
 * The dead letters of {@code pos.dlq} and their repair. A re-driven dead letter gets a marker on
 * {@code pos.dlq.redriven} (keyed by its place in {@code pos.dlq}), so {@link #pending()} lists only
 * what nobody re-drove yet, and a second re-drive sends nothing unless asked to.
 * Re-driving sends the original key and value to the original topic; the consumers are idempotent,
 * so a record re-driven twice is applied once.
 */
public final class DeadLetterQueue {
    public static final String TOPIC = "pos.dlq";
    public static final String REDRIVEN = "pos.dlq.redriven";
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);

    private final String bootstrap;

    public DeadLetterQueue(String bootstrap) {
        this.bootstrap = bootstrap;
    }

    /** Consumer and reason of a group of dead letters. */
    public record Group(String consumer, String reason) {
    }

    /** Every dead letter not re-driven yet, oldest first per partition. */
    public List<DeadLetter> pending() {
        Set<String> redriven = new HashSet<>();
        for (ConsumerRecord<String, String> r : readAll(REDRIVEN)) {
            redriven.add(r.key());
        }
        List<DeadLetter> out = new ArrayList<>();
        for (ConsumerRecord<String, String> r : readAll(TOPIC)) {
            DeadLetter d = toDeadLetter(r);
            if (!redriven.contains(d.id())) {
                out.add(d);
            }
        }
        return out;
    }

    /** The pending dead letters grouped by consumer and reason, in a stable order. */
    public Map<Group, List<DeadLetter>> listing() {
        Map<Group, List<DeadLetter>> groups = new TreeMap<>((a, b) -> {
            int c = a.consumer().compareTo(b.consumer());
            return c != 0 ? c : a.reason().compareTo(b.reason());
        });
        for (DeadLetter d : pending()) {
            groups.computeIfAbsent(new Group(d.consumer(), d.reason()), g -> new ArrayList<>()).add(d);
        }
        return groups;
    }

    /**
     * Re-drives the dead letters that match (null filters match all): pending ones only, or every one
     * when {@code again}. Returns those sent. Dead letters without an original topic are skipped.
     */
    public List<DeadLetter> redrive(String consumer, String reason, boolean again) {
        List<DeadLetter> chosen = (again ? all() : pending()).stream()
                .filter(d -> d.matches(consumer, reason) && d.originalTopic() != null)
                .toList();
        if (chosen.isEmpty()) {
            return chosen;
        }
        try (KafkaProducer<String, String> producer = producer()) {
            List<Future<?>> sent = new ArrayList<>();
            for (DeadLetter d : chosen) {
                sent.add(producer.send(new ProducerRecord<>(d.originalTopic(), d.key(), d.value())));
            }
            await(sent);
            sent.clear();
            for (DeadLetter d : chosen) {
                sent.add(producer.send(new ProducerRecord<>(REDRIVEN, d.id(), d.origin())));
            }
            await(sent);
        }
        return chosen;
    }

    private List<DeadLetter> all() {
        return readAll(TOPIC).stream().map(DeadLetterQueue::toDeadLetter).toList();
    }

    private static DeadLetter toDeadLetter(ConsumerRecord<String, String> r) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Header h : r.headers()) {
            headers.put(h.key(), h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8));
        }
        return new DeadLetter(r.partition(), r.offset(), r.key(), r.value(), headers);
    }

    /** Every record of the topic up to its end as it is now (none when the topic does not exist). */
    private List<ConsumerRecord<String, String>> readAll(String topic) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        List<ConsumerRecord<String, String>> out = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
            List<TopicPartition> partitions = consumer.listTopics(READ_TIMEOUT).getOrDefault(topic, List.of()).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            if (partitions.isEmpty()) {
                return out;
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, READ_TIMEOUT);
            long deadline = System.nanoTime() + READ_TIMEOUT.toNanos();
            while (!reached(consumer, end)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("Could not read " + topic + " to its end within " + READ_TIMEOUT);
                }
                consumer.poll(Duration.ofMillis(200)).forEach(out::add);
            }
        }
        return out;
    }

    private static boolean reached(KafkaConsumer<String, String> consumer, Map<TopicPartition, Long> end) {
        for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
            if (consumer.position(e.getKey()) < e.getValue()) {
                return false;
            }
        }
        return true;
    }

    private KafkaProducer<String, String> producer() {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        return new KafkaProducer<>(p);
    }

    private static void await(List<Future<?>> sent) {
        try {
            for (Future<?> f : sent) {
                f.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("Re-drive failed: " + e.getMessage(), e);
        }
    }
}
