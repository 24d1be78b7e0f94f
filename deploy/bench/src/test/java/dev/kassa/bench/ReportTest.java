package dev.kassa.bench;

import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReportTest {

    private static final long S = 1_000_000_000L;

    /**
     * Two windows of 10 s with 1200 and 1000 sales: every op 5 ms except add-item 10 ms and bill 60 ms (40 ms in
     * the second window).
     */
    private static Report.Measured sales(long errors) {
        List<LoadPhase.Window> windows = new ArrayList<>();
        long[] sales = {1200, 1000};
        long[] billMicros = {60_000, 40_000};
        for (int w = 0; w < 2; w++) {
            LoadPhase.Window window = new LoadPhase.Window(Report.SALE_OPS, true, w * 10 * S);
            window.endNanos = (w + 1) * 10 * S;
            for (int i = 0; i < sales[w]; i++) {
                window.table.record("create", 5_000);
                window.table.record("subtotal", 5_000);
                window.table.record("pay", 5_000);
                window.table.record("bill", billMicros[w]);
                for (int k = 0; k < 5; k++) {
                    window.table.record("add-item", 10_000);
                }
            }
            window.completed = sales[w];
            window.requests = sales[w] * 9;
            windows.add(window);
        }
        for (int i = 0; i < errors; i++) {
            windows.getFirst().table.error("pay");
        }
        return new Report.Measured(windows, Duration.ofSeconds(35), true, 3);
    }

    private static BillMatcher.Result kafka(long micros, long bills) {
        Histogram h = LatencyTable.newHistogram();
        for (int i = 0; i < bills; i++) {
            h.recordValue(micros);
        }
        return new BillMatcher.Result(h, 2200, bills);
    }

    /** 20 s on 2 cores = 40,000 ms of CPU; Kassa 22,000 ms (10 ms per sale), the bench 2,000 ms (5 %). */
    private static Report.CpuUsage cpu() {
        return new Report.CpuUsage(List.of(
                new Report.CpuRow("cart", 11_000, true, "-Xmx256m -XX:+UseSerialGC"),
                new Report.CpuRow(CpuAccount.POSTGRES, 11_000, true, ""),
                new Report.CpuRow(CpuAccount.BENCH, 2_000, false, "-Xss1m")),
                40_000, 30_000, 2, List.of(10.0, 9.0), List.of("recommendation: no pid in .data/pids/recommendation.pid"),
                new LinkedHashMap<>(Map.of("event loop", 1_500.0)));
    }

    private static List<ConsumerLag.GroupLag> lag(Duration slowest) {
        return List.of(new ConsumerLag.GroupLag("cart-service", 92, 0, slowest),
                new ConsumerLag.GroupLag("journal-service", 0, 0, Duration.ZERO));
    }

    private static Report.Inputs inputs(long errors, BillMatcher.Result kafka, String... options) {
        return new Report.Inputs(BenchOptions.parse(options), "B1", 50, sales(errors), null, kafka,
                kafka == null ? "no broker" : null, cpu(), lag(Duration.ofMillis(2_500)), null);
    }

    @Test
    void tableRowsCarryCountsRatesPercentilesAndTheSpreadOfTheWindows() {
        String text = Report.render(inputs(0, kafka(20_000, 2200)));
        assertTrue(text.contains("warm-up 35.0 s (throughput steady), then 2 windows of 20.0 s measured (20.0 s)\n"),
                text);
        assertTrue(text.contains("create            2200     110.0       0      5.0      5.0      5.0      5.0"
                + "   5.0 (5.0..5.0)\n"), text);
        assertTrue(text.contains("add-item         11000     550.0       0     10.0     10.0     10.0     10.0"), text);
        assertTrue(text.contains("bill              2200     110.0       0     60.0     60.0     60.0     60.0"
                + "   50.0 (40.0..60.0)\n"), text);
        assertTrue(text.contains("all              19800     990.0       0\n"), text);
        assertTrue(text.contains("completed sales/s   110.0 (100.0..120.0)  median (min..max) of 2 windows, ±9.1 %;"
                + " 2200 sales\n"), text);
        assertTrue(text.contains("requests/s          990.0 (900.0..1080.0)\n"), text);
        assertTrue(text.contains("errors              0  (warm-up: 3)\n"), text);
        assertTrue(text.contains("bill-to-Kafka       p50 20.0  p95 20.0  p99 20.0  max 20.0 ms  (2200 of 2200"), text);
    }

    @Test
    void cpuPerSaleAndShareOfTheBoxPerProcess() {
        String text = Report.render(inputs(0, kafka(20_000, 2200)));
        assertTrue(text.contains("2 cores = 40000.0 ms of CPU"), text);
        assertTrue(text.contains("cart                  5.00    27.5 %   -Xmx256m -XX:+UseSerialGC\n"), text);
        assertTrue(text.contains("postgresql            5.00    27.5 %   -\n"), text);
        assertTrue(text.contains("bench client          0.91     5.0 %   -Xss1m\n"), text);
        assertTrue(text.contains("Kassa total          10.00    55.0 %   services, PostgreSQL, Redis, stack JVM;"
                + " by window: 9.5 (9.0..10.0)\n"), text);
        assertTrue(text.contains("other processes          -    15.0 %"), text);
        assertTrue(text.contains("box busy                 -    75.0 %\n"), text);
        assertTrue(text.contains("the bench client spent 101.0 us of CPU per request (19800 requests);"
                + " by thread: event loop 1500 ms\n"), text);
        assertTrue(text.contains("  not measured: recommendation: no pid in"), text);
        assertTrue(text.contains("Tolerance: the windows of this run agree within ±9.1 % on sales/s and ±5.3 % on Kassa"
                + " CPU per sale. Two runs of the same build should agree within ±10.0 % on both when nothing else"
                + " loads the box; other processes took 15.0 % of it here, so compare CPU per sale (at similar"
                + " sales/s), not sales/s or latency.\n"), text);
    }

    @Test
    void consumerLagPerGroup() {
        String text = Report.render(inputs(0, kafka(20_000, 2200)));
        assertTrue(text.contains("cart-service                           92   lag 0 after 2.5 s\n"), text);
        assertTrue(text.contains("journal-service                         0   lag 0 after 0.0 s\n"), text);
        Report.Inputs stuck = new Report.Inputs(BenchOptions.parse(), "B1", 50, sales(0), null, null, "x", cpu(),
                List.of(new ConsumerLag.GroupLag("stock-service", 12, 5, null)), null);
        assertTrue(Report.render(stuck).contains("stock-service                          12   still 5 after the wait\n"));
        assertEquals(new Report.Target("consumer lag 0 within 5 s after the load", false, "stock-service still 5"),
                Report.targets(stuck).get(4));
    }

    @Test
    void windowsThatKeepRisingAreFlagged() {
        assertTrue(Report.stillRising(List.of(80.0, 90.0, 100.0)));
        assertFalse(Report.stillRising(List.of(98.0, 99.0, 100.0)), "within the steady tolerance");
        assertFalse(Report.stillRising(List.of(80.0, 100.0, 95.0)), "not rising every window");
        assertFalse(Report.stillRising(List.of(100.0)));
        assertFalse(Report.render(inputs(0, kafka(20_000, 2200))).contains("Warning: the throughput rose"));
    }

    @Test
    void targetsMetAndNotMet() {
        List<Report.Target> t = Report.targets(inputs(0, kafka(20_000, 2200)));
        assertEquals(List.of(
                new Report.Target("completed sales/s >= 100 (median)", true, "110.0"),
                new Report.Target("0 errors", true, "0"),
                new Report.Target("p99 < 50 ms for every request", false, "worst: bill 60.0 ms"),
                new Report.Target("bill-to-Kafka p99 < 100 ms", true, "20.0 ms"),
                new Report.Target("consumer lag 0 within 5 s after the load", true, "slowest 2.5 s"),
                new Report.Target("CPU per sale, Kassa together <= 20 ms", true, "10.0 ms"),
                new Report.Target("bench client <= 10 % of the box", true, "5.0 %")), t);
        String text = Report.render(inputs(0, kafka(20_000, 2200)));
        assertTrue(text.contains("  met       completed sales/s >= 100 (median)        110.0\n"), text);
        assertTrue(text.contains("  NOT MET   p99 < 50 ms for every request            worst: bill 60.0 ms\n"), text);
    }

    @Test
    void aPacedRunHasNoSalesTarget() {
        List<Report.Target> t = Report.targets(inputs(0, kafka(20_000, 2200), "--pace", "3s", "--terminals", "2000"));
        assertEquals("0 errors", t.getFirst().name());
        String text = Report.render(inputs(0, kafka(20_000, 2200), "--pace", "3s", "--terminals", "2000"));
        assertTrue(text.contains("2000 terminals (paced: one request each every 3.0 s)"), text);
        assertTrue(text.contains("schedule            666.7 req/s (2000 terminals, one request each every 3.0 s);"
                + " answered 990.0 (148.5 %)\n"), text);
    }

    @Test
    void errorsMissingTranlogsAndNoKafka() {
        List<Report.Target> t = Report.targets(inputs(4, kafka(20_000, 2190)));
        assertEquals(new Report.Target("0 errors", false, "4"), t.get(1));
        assertEquals(new Report.Target("bill-to-Kafka p99 < 100 ms", false, "20.0 ms, 10 bills without a tranlog"),
                t.get(3));
        Report.Inputs noKafka = inputs(0, null);
        assertEquals(new Report.Target("bill-to-Kafka p99 < 100 ms", false, "not measured"),
                Report.targets(noKafka).get(3));
        assertTrue(Report.render(noKafka).contains("bill-to-Kafka       not measured: no broker\n"));
    }
}
