package dev.kassa.common.event;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * Writes a record a consumer gave up on to {@code pos.dlq}: the original key and value, and headers
 * that say who gave up, why, and where the record came from, so that {@code ./pos dlq} can list it
 * and re-drive it to its topic. Counts them in {@code kassa_events_dead_lettered_total{consumer,kind}}.
 */
@ApplicationScoped
public class DeadLetters {
    /** The consumer that gave up: {@code <group>/<channel>}, e.g. {@code stock-service/tranlog}. */
    public static final String CONSUMER = "dead-letter-consumer";
    public static final String GROUP = "dead-letter-group";
    /** {@code poison} or {@code unexpected}, see {@link FailureKind}. */
    public static final String KIND = "dead-letter-kind";
    public static final String REASON = "dead-letter-reason";
    public static final String CAUSE = "dead-letter-cause";
    public static final String TOPIC = "dead-letter-topic";
    public static final String PARTITION = "dead-letter-partition";
    public static final String OFFSET = "dead-letter-offset";
    public static final String KEY = "dead-letter-key";
    public static final String ATTEMPTS = "dead-letter-attempts";

    @ConfigProperty(name = "kafka.bootstrap.servers", defaultValue = "localhost:9092")
    String bootstrap;

    @Inject
    MeterRegistry registry;

    private volatile KafkaProducer<String, String> producer;

    /** Sends the dead letter and waits for the broker's acknowledgement (off the event loop). */
    public Uni<Void> send(String consumer, String group, ConsumerRecord<String, String> record, FailureKind kind,
                          Throwable failure, int attempts) {
        ProducerRecord<String, String> dead = new ProducerRecord<>(Topics.DEAD_LETTER, record.key(), record.value());
        Headers h = dead.headers();
        header(h, CONSUMER, consumer);
        header(h, GROUP, group);
        header(h, KIND, kind.name().toLowerCase(java.util.Locale.ROOT));
        header(h, REASON, FailureKind.reason(failure));
        header(h, CAUSE, failure.getClass().getName());
        header(h, TOPIC, record.topic());
        header(h, PARTITION, String.valueOf(record.partition()));
        header(h, OFFSET, String.valueOf(record.offset()));
        header(h, KEY, record.key());
        header(h, ATTEMPTS, String.valueOf(attempts));
        return Uni.createFrom().<Void>emitter(emitter -> producer().send(dead, (metadata, error) -> {
                    if (error != null) {
                        emitter.fail(error);
                    } else {
                        emitter.complete(null);
                    }
                }))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .invoke(() -> counter(consumer, kind).increment());
    }

    private Counter counter(String consumer, FailureKind kind) {
        return Counter.builder("kassa.events.dead.lettered")
                .description("Records a consumer sent to pos.dlq")
                .tag("consumer", consumer)
                .tag("kind", kind.name().toLowerCase(java.util.Locale.ROOT))
                .register(registry);
    }

    private static void header(Headers headers, String name, String value) {
        if (value != null) {
            headers.add(name, value.getBytes(StandardCharsets.UTF_8));
        }
    }

    private KafkaProducer<String, String> producer() {
        KafkaProducer<String, String> p = producer;
        if (p == null) {
            synchronized (this) {
                if (producer == null) {
                    Properties props = new Properties();
                    props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
                    props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
                    props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
                    props.put(ProducerConfig.ACKS_CONFIG, "all");
                    props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
                    props.put(ProducerConfig.CLIENT_ID_CONFIG, "dead-letters");
                    props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, "10000");
                    props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "30000");
                    props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "10000");
                    // a dead letter may be as large as any record the outbox publishes (see OutboxRelay)
                    props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, String.valueOf(10 * 1024 * 1024));
                    producer = new KafkaProducer<>(props);
                }
                p = producer;
            }
        }
        return p;
    }

    @PreDestroy
    void close() {
        if (producer != null) {
            producer.close(java.time.Duration.ofSeconds(5));
        }
    }
}
