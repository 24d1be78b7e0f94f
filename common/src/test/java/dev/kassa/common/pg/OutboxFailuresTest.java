package dev.kassa.common.pg;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.InterruptException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.NotEnoughReplicasException;
import org.apache.kafka.common.errors.NotLeaderOrFollowerException;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.UnknownProducerIdException;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which send failures park a row after its attempts, and which only wait for the broker. */
class OutboxFailuresTest {

    @Test
    void failuresOfTheRecordItselfWillNotPass() {
        assertTrue(OutboxRelay.willNotPass(new RecordTooLargeException("too large")));
        assertTrue(OutboxRelay.willNotPass(new RecordBatchTooLargeException("too large")));
        assertTrue(OutboxRelay.willNotPass(new SerializationException("bad")));
        assertTrue(OutboxRelay.willNotPass(new InvalidTopicException("bad topic")));
        assertTrue(OutboxRelay.willNotPass(new TopicAuthorizationException(Set.of("pos.tranlog"))));
        assertTrue(OutboxRelay.willNotPass(new OutboxRelay.RecordOverLimit(9, 8)));
    }

    @Test
    void brokerOutagesAndTheProducersOwnSequenceTroublesPass() {
        assertFalse(OutboxRelay.willNotPass(new TimeoutException("expired")));
        assertFalse(OutboxRelay.willNotPass(new NotEnoughReplicasException("isr")));
        assertFalse(OutboxRelay.willNotPass(new NotLeaderOrFollowerException("moved")));
        // Collateral of another record's rejection in the same batch: not this record's fault.
        assertFalse(OutboxRelay.willNotPass(new OutOfOrderSequenceException("gap")));
        assertFalse(OutboxRelay.willNotPass(new UnknownProducerIdException("gone")));
        assertFalse(OutboxRelay.willNotPass(new InterruptException("stopping")));
        assertFalse(OutboxRelay.willNotPass(new IllegalStateException("producer closed")));
    }

    @Test
    void sizeCountsTopicKeyValueAndHeadersInUtf8Bytes() {
        ProducerRecord<String, String> record = new ProducerRecord<>("t", "k", "語");
        record.headers().add("h", "vv".getBytes(StandardCharsets.UTF_8));
        assertEquals(1 + 1 + 3 + 1 + 2, OutboxRelay.sizeOf(record));
    }
}
