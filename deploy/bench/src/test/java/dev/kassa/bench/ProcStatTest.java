package dev.kassa.bench;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ProcStatTest {

    @Test
    void aJavaProcess() {
        ProcStat p = ProcStat.parse("17822 (java) S 1 17822 17822 0 -1 4194560 88119 0 9 0 5123 811 0 0 20 0 61 0 "
                + "2653722 3790356480 96066 18446744073709551615 1 1 0 0 0 0 0 2 16800972 0 0 0 17 1 0 0 0 0 0");
        assertEquals(17822, p.pid());
        assertEquals("java", p.comm());
        assertEquals(1, p.ppid());
        assertEquals(5123, p.utime());
        assertEquals(811, p.stime());
        assertEquals(5934, p.ticks());
    }

    @Test
    void aCommandNameWithSpacesAndParenthesesAndReapedChildren() {
        ProcStat p = ProcStat.parse("17566 (postgres: (x) y) S 1 17566 17566 0 -1 4194560 9 0 0 0 120 30 4000 500 20 0");
        assertEquals("postgres: (x) y", p.comm());
        assertEquals(1, p.ppid());
        assertEquals(4000, p.cutime());
        assertEquals(500, p.cstime());
        assertEquals(4650, p.ticks());
    }

    @Test
    void garbageIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> ProcStat.parse("no parentheses"));
        assertThrows(IllegalArgumentException.class, () -> ProcStat.parse("1 (x) S 0 1"));
    }

    @Test
    void theBoxCountsIdleAndIowaitAsNotBusy() {
        // user nice system idle iowait irq softirq steal guest guest_nice
        ProcStat.Box b = ProcStat.Box.parse("cpu  1000 10 300 5000 200 5 15 7 100 0");
        assertEquals(1000 + 10 + 300 + 5 + 15 + 7, b.busy());
        assertEquals(1000 + 10 + 300 + 5000 + 200 + 5 + 15 + 7, b.total());
        assertThrows(IllegalArgumentException.class, () -> ProcStat.Box.parse("cpu0 1 2 3 4"));
    }

    @Test
    void jvmFlagsAreTheOptionsBeforeTheJarOrMainClass() {
        assertEquals("-Xmx256m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 --sun-misc-unsafe-memory-access=allow",
                ProcStat.jvmFlags(String.join("\0", "/usr/lib/jvm/x/bin/java", "-Xmx256m", "-XX:+UseSerialGC",
                        "-XX:TieredStopAtLevel=1", "--sun-misc-unsafe-memory-access=allow", "-jar",
                        "cart-service/target/quarkus-app/quarkus-run.jar", "-Dnot=a-flag") + "\0"));
        assertEquals("-Xmx768m", ProcStat.jvmFlags(String.join("\0", "java", "-Xmx768m", "-cp", "a.jar:b.jar",
                "dev.kassa.stack.LocalStack", "--data-dir", "x")));
        assertEquals("", ProcStat.jvmFlags(String.join("\0", "/usr/bin/redis-server", "127.0.0.1:6379")));
        assertEquals("", ProcStat.jvmFlags(""));
    }

    @Test
    void theBenchsThreadsByKind() {
        assertEquals("event loop", CpuAccount.threadKind("vert.x-eventloo"));
        assertEquals("JIT", CpuAccount.threadKind("C2 CompilerThre"));
        assertEquals("JIT", CpuAccount.threadKind("C1 CompilerThre"));
        assertEquals("Kafka clients", CpuAccount.threadKind("tranlog-watcher"));
        assertEquals("Kafka clients", CpuAccount.threadKind("kafka-admin-cli"));
        assertEquals("GC and VM", CpuAccount.threadKind("GC Thread#0"));
        assertEquals("main (/proc sampling)", CpuAccount.threadKind("java"));
        assertEquals("other", CpuAccount.threadKind("Signal Dispatch"));
    }
}
