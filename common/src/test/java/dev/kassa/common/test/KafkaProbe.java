package dev.kassa.common.test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Reads and writes Kafka topics of the test stack the way another service would: what tests
 * assert about published events comes from the broker, never from the publisher.
 */
public final class KafkaProbe {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private KafkaProbe() {
    }

    private static String bootstrap() {
        return KassaInfra.config().get("kafka.bootstrap.servers");
    }

    /** Every record of the topic from the beginning, read until the timeout or until {@code enough} holds. */
    public static List<ConsumerRecord<String, String>> read(String topic, Duration timeout,
                                                            Predicate<List<ConsumerRecord<String, String>>> enough) {
        return read(List.of(topic), timeout, enough);
    }

    /** {@link #read(String, Duration, Predicate)} over several topics at once (each partition in order). */
    public static List<ConsumerRecord<String, String>> read(List<String> topics, Duration timeout,
                                                            Predicate<List<ConsumerRecord<String, String>>> enough) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        List<ConsumerRecord<String, String>> out = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
            long deadline = System.nanoTime() + timeout.toNanos();
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : topics) {
                List<TopicPartition> ofTopic = List.of();
                // A topic nobody has written to yet does not exist: wait for it within the timeout.
                while (ofTopic.isEmpty() && System.nanoTime() < deadline) {
                    ofTopic = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                            .map(info -> new TopicPartition(topic, info.partition())).collect(Collectors.toList());
                    if (ofTopic.isEmpty()) {
                        sleep(200);
                    }
                }
                partitions.addAll(ofTopic);
            }
            if (partitions.isEmpty()) {
                return out;
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(out::add);
                if (enough.test(out)) {
                    break;
                }
            }
        }
        return out;
    }

    /** The JSON values of the topic's records whose field {@code field} equals {@code value}. */
    public static List<JsonNode> jsonWhere(String topic, String field, String value, int expected, Duration timeout) {
        Predicate<ConsumerRecord<String, String>> match = r -> value.equals(json(r.value()).path(field).asText(null));
        return read(topic, timeout, all -> all.stream().filter(match).count() >= expected).stream()
                .filter(match).map(r -> json(r.value())).toList();
    }

    public static void send(String topic, String key, String value) {
        sendAll(topic, List.of(Map.entry(key, value)));
    }

    /** Sends the records in order with one producer (cheaper than one {@link #send} per record). */
    public static void sendAll(String topic, List<Map.Entry<String, String>> keyedValues) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap());
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            List<java.util.concurrent.Future<?>> acks = new ArrayList<>();
            for (Map.Entry<String, String> kv : keyedValues) {
                acks.add(producer.send(new ProducerRecord<>(topic, kv.getKey(), kv.getValue())));
            }
            for (java.util.concurrent.Future<?> ack : acks) {
                ack.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("Cannot send to " + topic, e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public static JsonNode json(String value) {
        try {
            return MAPPER.readTree(value);
        } catch (Exception e) {
            return MAPPER.missingNode();
        }
    }
}
