package dev.kassa.bench;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LatencyTableTest {

    @Test
    void percentilesOfOneToAThousandMilliseconds() {
        LatencyTable t = new LatencyTable(List.of("bill"));
        for (int ms = 1; ms <= 1000; ms++) {
            t.record("bill", ms * 1000L);
        }
        assertEquals(1000, t.count("bill"));
        // 3 significant digits: within 0.1 %
        assertEquals(500.0, t.percentileMillis("bill", 50), 0.5);
        assertEquals(950.0, t.percentileMillis("bill", 95), 1.0);
        assertEquals(990.0, t.percentileMillis("bill", 99), 1.0);
        assertEquals(1000.0, t.maxMillis("bill"), 1.0);
    }

    @Test
    void tablesOfSeveralTerminalsAddUp() {
        LatencyTable a = new LatencyTable(Report.SALE_OPS);
        LatencyTable b = new LatencyTable(Report.SALE_OPS);
        a.record("create", 2_000);
        a.record("add-item", 1_000);
        b.record("add-item", 3_000);
        b.error("pay");
        b.error("pay");
        LatencyTable all = new LatencyTable(Report.SALE_OPS);
        all.add(a);
        all.add(b);
        assertEquals(1, all.count("create"));
        assertEquals(2, all.count("add-item"));
        assertEquals(0, all.count("bill"));
        assertEquals(2, all.errors("pay"));
        assertEquals(3, all.totalCount());
        assertEquals(2, all.totalErrors());
        assertEquals(3.0, all.maxMillis("add-item"), 0.01);
        assertEquals(Report.SALE_OPS, all.operations());
    }

    @Test
    void noDataIsNaNAndOutOfRangeValuesAreClamped() {
        LatencyTable t = new LatencyTable(List.of("pay"));
        assertTrue(Double.isNaN(t.percentileMillis("pay", 99)));
        assertTrue(Double.isNaN(t.maxMillis("nothing")));
        t.record("pay", -5);
        t.record("pay", Long.MAX_VALUE);
        assertEquals(0.0, t.percentileMillis("pay", 1), 0.001);
        assertEquals(60_000.0, t.maxMillis("pay"), 60.0);
    }
}
