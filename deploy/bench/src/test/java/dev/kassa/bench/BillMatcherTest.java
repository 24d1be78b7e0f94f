package dev.kassa.bench;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BillMatcherTest {

    private static final long MS = 1_000_000L;

    @Test
    void tranlogAfterTheBillResponse() {
        BillMatcher m = new BillMatcher();
        m.billed("T1-0001-1#1", 100 * MS, true);
        assertEquals(1, m.pending());
        m.consumed("T1-0001-1#1", 112 * MS);
        BillMatcher.Result r = m.result();
        assertEquals(0, m.pending());
        assertEquals(1, r.bills());
        assertEquals(1, r.matched());
        assertEquals(0, r.missing());
        assertEquals(0, r.early());
        assertEquals(12.0, r.percentileMillis(99), 0.02);
    }

    @Test
    void tranlogBeforeTheBillResponseCountsAsZero() {
        BillMatcher m = new BillMatcher();
        m.consumed("T1-0001-2#7", 100 * MS);
        m.billed("T1-0001-2#7", 103 * MS, true);
        BillMatcher.Result r = m.result();
        assertEquals(1, r.matched());
        assertEquals(1, r.early());
        assertEquals(0.0, r.maxMillis(), 0.001);
    }

    @Test
    void warmUpBillsRedeliveriesAndMissingTranlogs() {
        BillMatcher m = new BillMatcher();
        m.billed("T1-0001-1#1", 0, false);          // warm-up: not counted
        m.consumed("T1-0001-1#1", 5 * MS);
        m.billed("T1-0001-1#2", 10 * MS, true);
        m.consumed("T1-0001-1#2", 30 * MS);
        m.consumed("T1-0001-1#2", 90 * MS);          // redelivered: ignored
        m.billed("T1-0001-1#3", 40 * MS, true);      // never seen on Kafka
        BillMatcher.Result r = m.result();
        assertEquals(2, r.bills());
        assertEquals(1, r.matched());
        assertEquals(1, r.missing());
        assertEquals(20.0, r.maxMillis(), 0.02);
        assertEquals(1, m.pending());
    }

    @Test
    void noMatchesIsNaN() {
        BillMatcher.Result r = new BillMatcher().result();
        assertTrue(Double.isNaN(r.percentileMillis(50)));
        assertTrue(Double.isNaN(r.maxMillis()));
    }

    @Test
    void tranlogKeysComeFromThePayload() {
        byte[] sale = """
                {"event_id":"e1","event_type":"tranlog","tenant_id":"B1","store_code":"0001","terminal_no":7,
                 "line_items":[{"item_code":"BENCH-001","transaction_no":1}],"payments":{"tenant_id":"X"},
                 "transaction_no":42,"transaction_type":101}""".getBytes(StandardCharsets.UTF_8);
        assertEquals("B1-0001-7#42", TranlogWatcher.keyOf(sale, "B1"));
        assertEquals(BillMatcher.key("B1-0001-7", "42"), TranlogWatcher.keyOf(sale, "B1"));
        assertNull(TranlogWatcher.keyOf(sale, "B2"));
        assertEquals("B1-0001-7#42", TranlogWatcher.keyOf(
                "{\"tenant_id\":\"B1\",\"store_code\":\"0001\",\"terminal_no\":\"7\",\"transaction_no\":\"42\"}"
                        .getBytes(StandardCharsets.UTF_8), "B1"));
        assertNull(TranlogWatcher.keyOf("{\"tenant_id\":\"B1\"}".getBytes(StandardCharsets.UTF_8), "B1"));
        assertNull(TranlogWatcher.keyOf("{\"tenant_id\":\"B1\",\"transaction_no\":null}".getBytes(StandardCharsets.UTF_8),
                "B1"));
        assertNull(TranlogWatcher.keyOf("[1,2]".getBytes(StandardCharsets.UTF_8), "B1"));
        assertNull(TranlogWatcher.keyOf("not json".getBytes(StandardCharsets.UTF_8), "B1"));
        assertNull(TranlogWatcher.keyOf(null, "B1"));
    }
}
