package dev.kassa.bench;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BenchOptionsTest {

    @Test
    void defaultsMeasureThreeWindowsAfterAWarmUpLongEnoughForC2() {
        BenchOptions o = BenchOptions.parse();
        assertEquals(50, o.terminals());
        assertEquals(5, o.items());
        assertEquals(Duration.ofSeconds(20), o.duration());
        assertEquals(3, o.windows());
        assertEquals(Duration.ofSeconds(300), o.warmup());
        assertNull(o.minWarmup()); // chosen from the services' JIT when the run starts
        assertEquals(Duration.ZERO, o.pace());
        assertFalse(o.paced());
        assertFalse(o.floor());
        assertFalse(o.newTenant());
        assertFalse(o.recommend());
        assertEquals(Report.SALE_OPS, o.operations());
        assertEquals(Path.of(".data"), o.dataDir());
        assertEquals("127.0.0.1", o.baseHost());
        assertEquals("127.0.0.1:9092", o.kafka());
        assertFalse(o.help());
    }

    @Test
    void everyOptionInBothSpellings() {
        BenchOptions o = BenchOptions.parse("--terminals", "2000", "--items=3", "--duration", "2m", "--warmup=500ms",
                "--windows", "5", "--pace=3s", "--floor", "--new-tenant", "--recommend", "--data-dir", "/tmp/kassa-data",
                "--base-host", "10.0.0.5", "--kafka=10.0.0.5:19092");
        assertEquals(2000, o.terminals());
        assertEquals(3, o.items());
        assertEquals(Duration.ofMinutes(2), o.duration());
        assertEquals(Duration.ofMillis(500), o.warmup());
        assertEquals(5, o.windows());
        assertEquals(Duration.ofSeconds(3), o.pace());
        assertTrue(o.paced());
        assertTrue(o.floor());
        assertTrue(o.newTenant());
        assertTrue(o.recommend());
        assertEquals(List.of("create", "add-item", "recommend", "subtotal", "pay", "bill"), o.operations());
        assertEquals(Path.of("/tmp/kassa-data"), o.dataDir());
        assertEquals("10.0.0.5", o.baseHost());
        assertEquals("10.0.0.5:19092", o.kafka());
        assertEquals(URI.create("http://10.0.0.5:8003/api/v1/carts"), o.uri(8003, "/api/v1/carts"));
    }

    @Test
    void durationsInSecondsByDefault() {
        assertEquals(Duration.ofSeconds(30), BenchOptions.parse("--duration", "30").duration());
        assertEquals(Duration.ofSeconds(30), BenchOptions.parse("--duration", "30s").duration());
        assertEquals(Duration.ZERO, BenchOptions.parse("--warmup", "0").warmup());
    }

    @Test
    void helpNeedsNoValue() {
        assertTrue(BenchOptions.parse("--help").help());
        assertTrue(BenchOptions.parse("--terminals", "5", "-h").help());
    }

    @Test
    void badCommandLinesSayWhatIsWrong() {
        assertEquals("unknown option --foo",
                assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse("--foo", "1")).getMessage());
        assertEquals("unknown option --bogus",
                assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse("--bogus")).getMessage());
        assertEquals("unknown option --bogus",
                assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse("--bogus=1")).getMessage());
        assertEquals("--terminals needs a value",
                assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse("--terminals")).getMessage());
        assertEquals("--terminals needs a whole number, not 'x'",
                assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse("--terminals", "x")).getMessage());
        assertEquals("--items must be between 1 and 1000, not 0",
                assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse("--items=0")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse("--duration", "0"));
        assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse("--windows", "0"));
        assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse("--pace", "soon"));
        assertEquals("--data-dir needs a value",
                assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse("--data-dir=")).getMessage());
        assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse("--duration", "5h"));
        assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse("--base-host", "http://x"));
        assertThrows(IllegalArgumentException.class, () -> BenchOptions.parse("--base-host", "x:8000"));
    }

    @Test
    void theShortestWarmUpFollowsTheServicesJitUnlessGiven() {
        assertEquals(Duration.ZERO, BenchOptions.parse("--min-warmup", "0").minWarmup());
        assertEquals(Duration.ofSeconds(90), BenchOptions.parse("--min-warmup=90s").minWarmup());
        CpuAccount.Root c1 = new CpuAccount.Root("cart", 1, "-Xmx256m -XX:TieredStopAtLevel=1");
        CpuAccount.Root c2 = new CpuAccount.Root("cart", 1, "-XX:+UseSerialGC -Xmx512m");
        CpuAccount.Root stack = new CpuAccount.Root("stack JVM", 2, "-Xmx768m");
        assertEquals(Duration.ZERO, Bench.autoMinWarmup(java.util.List.of(c1, stack)));
        assertEquals(BenchOptions.C2_MIN_WARMUP, Bench.autoMinWarmup(java.util.List.of(c2, stack)));
    }
}
