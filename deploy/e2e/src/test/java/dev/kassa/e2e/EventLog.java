package dev.kassa.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kassa.common.test.KafkaProbe;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The day's events as the broker holds them: read a tenant's records of a topic from the beginning,
 * deliver them again, and tell whether the consumer groups have caught up with the end of their topics.
 */
final class EventLog {

    /** Which topics each consuming service's group reads (their application.properties). */
    static final Map<String, List<String>> CONSUMER_GROUPS = Map.of(
            "report-service", List.of("pos.tranlog", "pos.cashlog", "pos.opencloselog"),
            "journal-service", List.of("pos.tranlog", "pos.cashlog", "pos.opencloselog"),
            "stock-service", List.of("pos.tranlog"));

    private final String bootstrap;

    EventLog(String bootstrap) {
        this.bootstrap = bootstrap;
    }

    /** Every record of {@code topic} whose JSON {@code tenant_id} is {@code tenantId}, in offset order per partition. */
    List<ConsumerRecord<String, String>> recordsOf(String topic, String tenantId) {
        return recordsWhere(topic, value -> tenantId.equals(KafkaProbe.json(value).path("tenant_id").asText(null)));
    }

    /** Every record of {@code topic} whose value (as text, JSON or not) passes {@code test}. */
    List<ConsumerRecord<String, String>> recordsWhere(String topic, java.util.function.Predicate<String> test) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        List<ConsumerRecord<String, String>> out = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p)) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(i -> new TopicPartition(topic, i.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(10));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (!caughtUp(consumer, end) && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(300)).forEach(r -> {
                    if (r.value() != null && test.test(r.value())) {
                        out.add(r);
                    }
                });
            }
            if (!caughtUp(consumer, end)) {
                throw new IllegalStateException("Could not read " + topic + " to its end " + end + " within 30 s");
            }
        }
        return out;
    }

    private static boolean caughtUp(KafkaConsumer<String, String> consumer, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }

    static Set<String> eventIds(List<ConsumerRecord<String, String>> records) {
        Set<String> ids = new LinkedHashSet<>();
        for (ConsumerRecord<String, String> r : records) {
            JsonNode json = KafkaProbe.json(r.value());
            ids.add(json.path("event_id").asText("(no event_id at offset " + r.offset() + ")"));
        }
        return ids;
    }

    /** Sends the records again, same key and value, in their order. */
    static void redeliver(String topic, List<ConsumerRecord<String, String>> records) {
        KafkaProbe.sendAll(topic, records.stream().map(r -> Map.entry(r.key(), r.value())).toList());
    }

    /**
     * What each consumer group still has to read: {@code group -> "topic-partition committed/end"} for every
     * partition whose committed offset is behind the end. Empty when every group has caught up.
     */
    Map<String, List<String>> lag() throws Exception {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        Map<String, List<String>> lag = new LinkedHashMap<>();
        try (Admin admin = Admin.create(p)) {
            Set<String> topics = CONSUMER_GROUPS.values().stream().flatMap(List::stream).collect(Collectors.toSet());
            Map<TopicPartition, OffsetSpec> latest = new LinkedHashMap<>();
            admin.describeTopics(topics).allTopicNames().get(10, TimeUnit.SECONDS).forEach((name, d) ->
                    d.partitions().forEach(pi -> latest.put(new TopicPartition(name, pi.partition()), OffsetSpec.latest())));
            Map<TopicPartition, Long> end = new LinkedHashMap<>();
            admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS).forEach((tp, info) -> end.put(tp, info.offset()));
            for (Map.Entry<String, List<String>> group : CONSUMER_GROUPS.entrySet()) {
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group.getKey())
                        .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
                List<String> behind = new ArrayList<>();
                end.forEach((tp, endOffset) -> {
                    if (!group.getValue().contains(tp.topic()) || endOffset == 0) {
                        return;
                    }
                    OffsetAndMetadata c = committed.get(tp);
                    long at = c == null ? -1 : c.offset();
                    if (at < endOffset) {
                        behind.add(tp + " " + (at < 0 ? "none" : at) + "/" + endOffset);
                    }
                });
                if (!behind.isEmpty()) {
                    lag.put(group.getKey(), behind);
                }
            }
        }
        return lag;
    }
}
