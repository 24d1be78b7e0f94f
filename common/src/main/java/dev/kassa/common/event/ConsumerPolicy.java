package dev.kassa.common.event;

import dev.kassa.common.trace.EventTracing;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Scope;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * How every Kassa consumer treats a record that fails (see {@link FailureKind}):
 * <ul>
 *   <li>its store is away: tried again with capped exponential backoff until the store is back,
 *       however long that takes; the record stays the channel's only one in flight, so the
 *       partition does not run ahead, and the connector pauses the Kafka consumer once its small
 *       queue is full (memory stays bounded);</li>
 *   <li>unexpected: tried {@code kassa.consumer.unexpected-attempts} times, then dead-lettered;</li>
 *   <li>poison: dead-lettered at once.</li>
 * </ul>
 * A dead-lettered record is acknowledged, so the next one is read. Each attempt runs on the record's
 * Vert.x context, where Hibernate Reactive and the Mongo client expect to run.
 * <p>
 * A batch channel ({@code batch=true}) hands what one poll returned, in partition order, to
 * {@link #processBatch}: the whole batch is applied at once (bulk writes) and waits as one for a
 * store that is away; if it fails for any other reason its records are applied again one by one
 * under the rules above, so only a poison record is dead-lettered and the order stays the same.
 * Batch work must therefore be idempotent per record, as every Kassa consumer is.
 * <p>
 * Each record applied counts in {@code kassa.events.consumed{consumer,topic}}, and each record's
 * processing is a span that continues the trace its headers carry ({@link EventTracing}): the request
 * that wrote the event, through the outbox relay's send.
 */
@ApplicationScoped
public class ConsumerPolicy {
    private static final Logger LOG = Logger.getLogger(ConsumerPolicy.class);

    @ConfigProperty(name = "kassa.consumer.initial-backoff", defaultValue = "PT0.2S")
    Duration initialBackoff;

    @ConfigProperty(name = "kassa.consumer.max-backoff", defaultValue = "PT10S")
    Duration maxBackoff;

    @ConfigProperty(name = "kassa.consumer.unexpected-attempts", defaultValue = "5")
    int unexpectedAttempts;

    @Inject
    DeadLetters deadLetters;

    @Inject
    Config config;

    @Inject
    MeterRegistry registry;

    @Inject
    EventTracing tracing;

    private final Map<String, String> consumers = new ConcurrentHashMap<>();
    private final Map<String, Counter> consumed = new ConcurrentHashMap<>();

    public Uni<Void> process(String channel, ConsumerRecord<String, String> record, Supplier<Uni<?>> work) {
        return process(channel, record, work, failure -> Uni.createFrom().voidItem());
    }

    /**
     * Runs {@code work} for the record under the policy; {@code beforeDeadLetter} runs once before a
     * record goes to {@code pos.dlq} (a failed delivery acknowledgement, say) and may fail harmlessly.
     */
    public Uni<Void> process(String channel, ConsumerRecord<String, String> record, Supplier<Uni<?>> work,
                             Function<Throwable, Uni<?>> beforeDeadLetter) {
        Context context = Vertx.currentContext();
        String consumer = consumer(channel);
        AtomicInteger attempts = new AtomicInteger();
        AtomicInteger unexpected = new AtomicInteger();
        Span span = tracing.startProcess(consumer, groupOf(consumer), record);
        return onContext(context, span, work)
                .invoke(() -> attempts.incrementAndGet())
                .onFailure().invoke(f -> attempts.incrementAndGet())
                .onFailure().retry().when(failures -> failures.onItem().transformToUniAndConcatenate(failure -> {
                    FailureKind kind = FailureKind.of(failure);
                    if (kind == FailureKind.POISON) {
                        return Uni.createFrom().failure(failure);
                    }
                    if (kind == FailureKind.UNEXPECTED && unexpected.incrementAndGet() >= unexpectedAttempts) {
                        return Uni.createFrom().failure(failure);
                    }
                    Duration wait = backoff(attempts.get());
                    if (kind == FailureKind.STORE_UNAVAILABLE) {
                        LOG.warnf("%s: store unavailable for %s-%d@%d (attempt %d), trying again in %d ms: %s",
                                consumer, record.topic(), record.partition(), record.offset(), attempts.get(),
                                wait.toMillis(), FailureKind.reason(failure));
                    } else {
                        LOG.warnf(failure, "%s: unexpected failure on %s-%d@%d (attempt %d of %d)", consumer,
                                record.topic(), record.partition(), record.offset(), unexpected.get(),
                                unexpectedAttempts);
                    }
                    return Uni.createFrom().item(failure).onItem().delayIt().by(wait);
                }))
                .replaceWithVoid()
                .invoke(() -> consumed(consumer, record.topic()).increment())
                .onTermination().invoke((ok, failure, cancelled) -> EventTracing.end(span, failure))
                .onFailure().recoverWithUni(failure -> deadLetter(consumer, record, failure, attempts.get(),
                        beforeDeadLetter));
    }

    /**
     * Applies a polled batch with {@code batchWork}, retrying it as one while its store is away; on
     * any other failure falls back to {@code oneByOne} for each record in order (normally a call of
     * {@link #process} with the single-record work, so only a poison record goes to {@code pos.dlq}).
     */
    public Uni<Void> processBatch(String channel, List<ConsumerRecord<String, String>> records,
                                  Supplier<Uni<?>> batchWork,
                                  Function<ConsumerRecord<String, String>, Uni<Void>> oneByOne) {
        if (records.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Context context = Vertx.currentContext();
        String consumer = consumer(channel);
        AtomicInteger attempts = new AtomicInteger();
        ConsumerRecord<String, String> first = records.get(0);
        List<Span> spans = startAll(consumer, records);
        return onContext(context, spans == null ? null : spans.get(0), batchWork)
                .onFailure().retry().when(failures -> failures.onItem().transformToUniAndConcatenate(failure -> {
                    if (FailureKind.of(failure) != FailureKind.STORE_UNAVAILABLE) {
                        return Uni.createFrom().failure(failure);
                    }
                    Duration wait = backoff(attempts.incrementAndGet());
                    LOG.warnf("%s: store unavailable for a batch of %d from %s-%d@%d (attempt %d), trying again"
                                    + " in %d ms: %s", consumer, records.size(), first.topic(), first.partition(),
                            first.offset(), attempts.get(), wait.toMillis(), FailureKind.reason(failure));
                    return Uni.createFrom().item(failure).onItem().delayIt().by(wait);
                }))
                .replaceWithVoid()
                .invoke(() -> countConsumed(consumer, records))
                .onTermination().invoke((ok, failure, cancelled) -> endAll(spans, failure))
                .onFailure().recoverWithUni(failure -> {
                    LOG.infof("%s: a batch of %d from %s-%d@%d failed (%s); applying its records one by one",
                            consumer, records.size(), first.topic(), first.partition(), first.offset(),
                            FailureKind.reason(failure));
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    for (ConsumerRecord<String, String> record : records) {
                        chain = chain.chain(() -> onContext(context, null, () -> oneByOne.apply(record))
                                .replaceWithVoid());
                    }
                    return chain;
                });
    }

    /** One span per record of a batch, each the child of its record's context; null when tracing is off. */
    private List<Span> startAll(String consumer, List<ConsumerRecord<String, String>> records) {
        if (!tracing.enabled()) {
            return null;
        }
        String group = groupOf(consumer);
        List<Span> spans = new ArrayList<>(records.size());
        for (ConsumerRecord<String, String> record : records) {
            spans.add(tracing.startProcess(consumer, group, record));
        }
        return spans;
    }

    private static void endAll(List<Span> spans, Throwable failure) {
        if (spans != null) {
            spans.forEach(span -> EventTracing.end(span, failure));
        }
    }

    /** Counts a batch's records a run of one topic at a time (a batch is mostly one topic): one lookup per run. */
    private void countConsumed(String consumer, List<ConsumerRecord<String, String>> records) {
        String topic = null;
        int run = 0;
        for (ConsumerRecord<String, String> record : records) {
            if (!record.topic().equals(topic)) {
                if (run > 0) {
                    consumed(consumer, topic).increment(run);
                }
                topic = record.topic();
                run = 0;
            }
            run++;
        }
        if (run > 0) {
            consumed(consumer, topic).increment(run);
        }
    }

    private Counter consumed(String consumer, String topic) {
        return consumed.computeIfAbsent(consumer + '\n' + topic, k -> Counter.builder("kassa.events.consumed")
                .description("Records a consumer applied").tag("consumer", consumer).tag("topic", topic)
                .register(registry));
    }

    private static String groupOf(String consumer) {
        return consumer.substring(0, consumer.lastIndexOf('/'));
    }

    /** {@code <group>/<channel>}: the consumer group names the service, the channel what it reads. */
    private String consumer(String channel) {
        return consumers.computeIfAbsent(channel, c -> group(c) + "/" + c); // read once, not per record
    }

    private String group(String channel) {
        return config.getOptionalValue("mp.messaging.incoming." + channel + ".group.id", String.class)
                .orElse(config.getOptionalValue("quarkus.application.name", String.class).orElse("kassa"));
    }

    private Uni<Void> deadLetter(String consumer, ConsumerRecord<String, String> record, Throwable failure,
                                 int attempts, Function<Throwable, Uni<?>> beforeDeadLetter) {
        FailureKind kind = FailureKind.of(failure);
        String group = groupOf(consumer);
        LOG.warnf("%s: dead-lettering %s-%d@%d (key %s, %s): %s", consumer, record.topic(), record.partition(),
                record.offset(), record.key(), kind, FailureKind.reason(failure));
        AtomicInteger sends = new AtomicInteger();
        Uni<Void> before = Uni.createFrom().deferred(() -> beforeDeadLetter.apply(failure))
                .onFailure().recoverWithNull().replaceWithVoid();
        // The dead letter is the record's only trace: wait for the broker rather than lose it.
        return before.chain(() -> deadLetters.send(consumer, group, record, kind, failure, attempts)
                .onFailure().retry().when(errors -> errors.onItem().transformToUniAndConcatenate(error -> {
                    Duration wait = backoff(sends.incrementAndGet());
                    LOG.warnf("%s: dead letter not sent, trying again in %d ms: %s", consumer, wait.toMillis(),
                            FailureKind.reason(error));
                    return Uni.createFrom().item(error).onItem().delayIt().by(wait);
                })));
    }

    /** initial × 2^(n-1), capped at the maximum. */
    Duration backoff(int attempt) {
        long factor = 1L << Math.min(Math.max(attempt - 1, 0), 20);
        long millis = initialBackoff.toMillis() * factor;
        return Duration.ofMillis(Math.min(millis, maxBackoff.toMillis()));
    }

    /** Starts the work with the span current, so the work's own instrumented calls become its children. */
    private static Uni<?> start(Span span, Supplier<Uni<?>> work) {
        if (span == null) {
            return work.get();
        }
        try (Scope ignored = span.makeCurrent()) {
            return work.get();
        }
    }

    @SuppressWarnings("unchecked")
    private static Uni<Object> onContext(Context context, Span span, Supplier<Uni<?>> work) {
        if (context == null) {
            return Uni.createFrom().deferred(() -> (Uni<Object>) start(span, work));
        }
        return Uni.createFrom().emitter(emitter -> context.runOnContext(ignored -> {
            Uni<Object> uni;
            try {
                uni = (Uni<Object>) start(span, work);
            } catch (Throwable t) {
                emitter.fail(t);
                return;
            }
            uni.subscribe().with(emitter::complete, emitter::fail);
        }));
    }
}
