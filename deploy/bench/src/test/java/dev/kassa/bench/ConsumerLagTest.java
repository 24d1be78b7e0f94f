package dev.kassa.bench;

import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConsumerLagTest {

    private static final TopicPartition P0 = new TopicPartition("pos.tranlog", 0);
    private static final TopicPartition P1 = new TopicPartition("pos.tranlog", 1);
    private static final TopicPartition ACK = new TopicPartition("pos.delivery-ack", 0);

    @Test
    void lagIsEndMinusCommittedOverThePartitionsWithBoth() {
        assertEquals(7 + 0, ConsumerLag.lag(Map.of(P0, 10L, P1, 20L), Map.of(P0, 17L, P1, 20L)));
        assertEquals(3, ConsumerLag.lag(Map.of(P0, 10L, ACK, 5L), Map.of(P0, 13L)), "no end offset: left out");
        assertEquals(0, ConsumerLag.lag(Map.of(P0, 30L), Map.of(P0, 25L)), "never negative");
        assertEquals(0, ConsumerLag.lag(Map.of(), Map.of(P0, 25L)));
    }

    @Test
    void theTrackerKeepsTheLagAtStopAndTheFirstTimeEachGroupReachedZero() {
        ConsumerLag.Tracker t = new ConsumerLag.Tracker();
        t.sample(Map.of("cart-service", 92L, "journal-service", 0L), Duration.ZERO);
        assertFalse(t.allZero());
        t.sample(Map.of("cart-service", 40L, "journal-service", 3L), Duration.ofMillis(250));
        t.sample(Map.of("cart-service", 0L, "journal-service", 0L), Duration.ofMillis(5_250));
        assertTrue(t.allZero());
        t.sample(Map.of("cart-service", 0L, "journal-service", 0L), Duration.ofMillis(5_500));
        assertEquals(List.of(
                new ConsumerLag.GroupLag("cart-service", 92, 0, Duration.ofMillis(5_250)),
                new ConsumerLag.GroupLag("journal-service", 0, 0, Duration.ZERO)), t.result());
    }

    @Test
    void aGroupThatNeverGetsThereHasNoTime() {
        ConsumerLag.Tracker t = new ConsumerLag.Tracker();
        t.sample(Map.of("stock-service", 12L), Duration.ZERO);
        t.sample(Map.of("stock-service", 5L), Duration.ofSeconds(30));
        assertFalse(t.allZero());
        assertEquals(List.of(new ConsumerLag.GroupLag("stock-service", 12, 5, null)), t.result());
        assertFalse(new ConsumerLag.Tracker().allZero(), "no groups: nothing known");
    }
}
