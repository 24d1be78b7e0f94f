package dev.kassa.ops;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeadLetterTest {

    private static DeadLetter letter(String consumer, String reason) {
        return new DeadLetter(0, 7, "T1-S1-1", "{}", Map.of(
                "dead-letter-consumer", consumer, "dead-letter-group", consumer.substring(0, consumer.indexOf('/')),
                "dead-letter-reason", reason, "dead-letter-topic", "pos.tranlog",
                "dead-letter-partition", "2", "dead-letter-offset", "41"));
    }

    @Test
    void aConsumerFilterMatchesTheConsumerItsGroupOrItsChannel() {
        DeadLetter d = letter("stock-service/tranlog", "Tenant T1 not found");
        assertTrue(d.matches(null, null));
        assertTrue(d.matches("stock-service/tranlog", null));
        assertTrue(d.matches("stock-service", null));
        assertTrue(d.matches("tranlog", null));
        assertFalse(d.matches("stock", null));
        assertFalse(d.matches("journal-service", null));
    }

    @Test
    void aReasonFilterIsTextTheReasonContainsInAnyCase() {
        DeadLetter d = letter("report-service/pos-logs", "unknown transaction_type 999");
        assertTrue(d.matches(null, "TRANSACTION_TYPE"));
        assertTrue(d.matches("report-service", "999"));
        assertFalse(d.matches(null, "not JSON"));
    }

    @Test
    void itRemembersWhereItCameFromAndWhereItSits() {
        DeadLetter d = letter("stock-service/tranlog", "x");
        assertEquals("pos.tranlog", d.originalTopic());
        assertEquals("pos.tranlog-2@41", d.origin());
        assertEquals("0-7", d.id());
    }

    @Test
    void theListingGroupsByConsumerAndReasonWithSamples() {
        Map<DeadLetterQueue.Group, List<DeadLetter>> groups = new TreeMap<>((a, b) -> a.toString().compareTo(b.toString()));
        groups.put(new DeadLetterQueue.Group("stock-service/tranlog", "Tenant T1 not found"),
                List.of(letter("stock-service/tranlog", "Tenant T1 not found")));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Ops.list(groups, new PrintStream(out, true, StandardCharsets.UTF_8));
        String text = out.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("stock-service/tranlog"), text);
        assertTrue(text.contains("Tenant T1 not found"), text);
        assertTrue(text.contains("pos.tranlog-2@41 key=T1-S1-1"), text);
        ByteArrayOutputStream none = new ByteArrayOutputStream();
        Ops.list(Map.of(), new PrintStream(none, true, StandardCharsets.UTF_8));
        assertEquals("No pending dead letters.", none.toString(StandardCharsets.UTF_8).trim());
    }

    @Test
    void anUnknownCommandIsRefused() {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(2, Ops.run(new String[]{"dlq", "purge"}, System.out, new PrintStream(err, true,
                StandardCharsets.UTF_8)));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("unknown argument purge"));
    }
}
