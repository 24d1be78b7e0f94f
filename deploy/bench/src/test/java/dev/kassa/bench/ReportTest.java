package dev.kassa.bench;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReportTest {

    /** 10 s measured, 1200 sales: every op 5 ms except add-item 10 ms and bill 60 ms; a floor of 10,000/s. */
    private static Report.Inputs inputs(long errors, BillMatcher.Result kafka) {
        LatencyTable sales = new LatencyTable(Report.SALE_OPS);
        for (int i = 0; i < 1200; i++) {
            sales.record("create", 5_000);
            sales.record("subtotal", 5_000);
            sales.record("pay", 5_000);
            sales.record("bill", 60_000);
            for (int k = 0; k < 5; k++) {
                sales.record("add-item", 10_000);
            }
        }
        for (int i = 0; i < errors; i++) {
            sales.error("pay");
        }
        LatencyTable floor = new LatencyTable(List.of(Report.FLOOR_OP));
        for (int i = 0; i < 100_000; i++) {
            floor.record(Report.FLOOR_OP, 1_000);
        }
        return new Report.Inputs(BenchOptions.parse("--duration", "10"), "B1", new LoadPhase.Result(sales, 10, 1200, 3),
                new LoadPhase.Result(floor, 10, 0, 0), kafka, kafka == null ? "no broker" : null);
    }

    private static BillMatcher.Result kafka(long micros, long bills) {
        Histogram h = LatencyTable.newHistogram();
        for (int i = 0; i < bills; i++) {
            h.recordValue(micros);
        }
        return new BillMatcher.Result(h, 1200, bills);
    }

    @Test
    void tableRowsCarryCountsRatesAndPercentiles() {
        String text = Report.render(inputs(0, kafka(20_000, 1200)));
        assertTrue(text.contains("operation        count     req/s  errors   p50 ms   p95 ms   p99 ms   max ms\n"), text);
        assertTrue(text.contains("create            1200     120.0       0      5.0      5.0      5.0      5.0\n"), text);
        assertTrue(text.contains("add-item          6000     600.0       0     10.0     10.0     10.0     10.0\n"), text);
        assertTrue(text.contains("bill              1200     120.0       0     60.0     60.0     60.0     60.0\n"), text);
        assertTrue(text.contains("all              10800    1080.0       0\n"), text);
        assertTrue(text.contains("floor GET /     100000   10000.0       0      1.0      1.0      1.0      1.0\n"), text);
        assertTrue(text.contains("completed sales/s   120.0  (1200 sales)\n"), text);
        assertTrue(text.contains("requests/s          1080.0\n"), text);
        assertTrue(text.contains("errors              0  (warm-up: 3; floor phase: 0)\n"), text);
        assertTrue(text.contains("add-item / floor    6.0 %\n"), text);
        assertTrue(text.contains("bill-to-Kafka       p50 20.0  p95 20.0  p99 20.0  max 20.0 ms  (1200 of 1200"), text);
    }

    @Test
    void targetsMetAndNotMet() {
        List<Report.Target> t = Report.targets(inputs(0, kafka(20_000, 1200)));
        assertEquals(List.of(
                new Report.Target("completed sales/s >= 100", true, "120.0"),
                new Report.Target("0 errors", true, "0"),
                new Report.Target("p99 < 50 ms for every request", false, "worst: bill 60.0 ms"),
                new Report.Target("add-item >= 40 % of the HTTP floor", false, "6.0 %"),
                new Report.Target("bill-to-Kafka p99 < 100 ms", true, "20.0 ms")), t);
        String text = Report.render(inputs(0, kafka(20_000, 1200)));
        assertTrue(text.contains("  met       completed sales/s >= 100           120.0\n"), text);
        assertTrue(text.contains("  NOT MET   p99 < 50 ms for every request      worst: bill 60.0 ms\n"), text);
    }

    @Test
    void errorsMissingTranlogsAndNoKafka() {
        List<Report.Target> t = Report.targets(inputs(4, kafka(20_000, 1190)));
        assertEquals(new Report.Target("0 errors", false, "4"), t.get(1));
        assertEquals(new Report.Target("bill-to-Kafka p99 < 100 ms", false, "20.0 ms, 10 bills without a tranlog"),
                t.get(4));
        Report.Inputs noKafka = inputs(0, null);
        assertEquals(new Report.Target("bill-to-Kafka p99 < 100 ms", false, "not measured"),
                Report.targets(noKafka).get(4));
        assertTrue(Report.render(noKafka).contains("bill-to-Kafka       not measured: no broker\n"));
    }
}
