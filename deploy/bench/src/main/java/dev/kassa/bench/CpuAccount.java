package dev.kassa.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * CPU of every process of the system from {@code /proc}: each service (its pid file in {@code <data>/pids}), the
 * local stack's JVM (Kafka and the MongoDB-compatible server), its child processes (Redis), PostgreSQL (its
 * postmaster, from {@code postmaster.pid} in the stack's data directory, with every backend below it) and the
 * bench itself. A {@link Snapshot} adds up each group's process tree; two snapshots give the CPU in between.
 */
final class CpuAccount {

    static final String POSTGRES = "postgresql";
    static final String STACK = "stack JVM";
    static final String REDIS = "redis";
    static final String BENCH = "bench client";
    /** The services in the order of ./pos. */
    static final List<String> SERVICES =
            List.of("account", "terminal", "masterdata", "cart", "report", "journal", "stock", "recommendation");

    /** CPU ticks per group at one instant, the box's ticks, and the bench's own ticks by kind of thread. */
    record Snapshot(long nanos, Map<String, Long> ticks, ProcStat.Box box, Map<String, Long> benchThreads) {
    }

    /** A group's root process: its pid and what it runs with. */
    record Root(String group, int pid, String flags) {
    }

    private static final Path PROC = Path.of("/proc");

    private final Path dataDir;
    private final long ticksPerSecond;
    private final List<Root> roots;
    private final List<String> missing = new ArrayList<>();

    CpuAccount(Path dataDir) {
        this.dataDir = dataDir;
        this.ticksPerSecond = clockTicks();
        this.roots = findRoots();
    }

    List<Root> roots() {
        return roots;
    }

    /** What could not be found ("cart: no pid file"), for the report. */
    List<String> missing() {
        return missing;
    }

    long ticksPerSecond() {
        return ticksPerSecond;
    }

    /** The group names in the order of the table. */
    List<String> groups() {
        List<String> g = new ArrayList<>(SERVICES);
        g.addAll(List.of(POSTGRES, REDIS, STACK, BENCH));
        return g;
    }

    Snapshot sample() {
        Map<Integer, ProcStat> all = readAll();
        Map<Integer, List<Integer>> children = new HashMap<>();
        all.values().forEach(p -> children.computeIfAbsent(p.ppid(), k -> new ArrayList<>()).add(p.pid()));
        Set<Integer> taken = new HashSet<>();
        Map<String, Long> ticks = new LinkedHashMap<>();
        // PostgreSQL first: were its postmaster a child of the stack JVM, it still counts as PostgreSQL.
        List<Root> ordered = new ArrayList<>(roots.stream().filter(r -> r.group().equals(POSTGRES)).toList());
        roots.stream().filter(r -> !r.group().equals(POSTGRES)).forEach(ordered::add);
        for (Root root : ordered) {
            if (root.group().equals(STACK)) {
                ProcStat own = all.get(root.pid());
                if (own != null) {
                    taken.add(root.pid());
                    ticks.merge(STACK, own.ticks(), Long::sum);
                }
                for (int pid : descendants(root.pid(), children, taken)) {
                    ProcStat p = all.get(pid);
                    String group = p.comm().startsWith("redis") ? REDIS : STACK;
                    ticks.merge(group, p.ticks(), Long::sum);
                }
                continue;
            }
            long sum = 0;
            ProcStat own = all.get(root.pid());
            if (own != null && taken.add(root.pid())) {
                sum += own.ticks();
                for (int pid : descendants(root.pid(), children, taken)) {
                    sum += all.get(pid).ticks();
                }
            }
            ticks.merge(root.group(), sum, Long::sum);
        }
        return new Snapshot(System.nanoTime(), ticks, box(), benchThreads());
    }

    /** What a thread of the bench does, from its name (the kernel keeps the first 15 characters). */
    static String threadKind(String comm) {
        if (comm.startsWith("vert.x-eventloo")) {
            return "event loop";
        }
        if (comm.startsWith("C1 Compiler") || comm.startsWith("C2 Compiler")) {
            return "JIT";
        }
        if (comm.startsWith("tranlog-watcher") || comm.startsWith("kafka")) {
            return "Kafka clients";
        }
        if (comm.startsWith("GC ") || comm.startsWith("G1 ") || comm.equals("VM Thread")) {
            return "GC and VM";
        }
        if (comm.equals("java") || comm.equals("main")) {
            return "main (/proc sampling)";
        }
        return "other";
    }

    /** Milliseconds of the bench's threads of each kind between two snapshots, most first. */
    Map<String, Double> benchThreadMillis(Snapshot from, Snapshot to) {
        Map<String, Double> result = new LinkedHashMap<>();
        to.benchThreads().entrySet().stream()
                .map(e -> Map.entry(e.getKey(), (e.getValue() - from.benchThreads().getOrDefault(e.getKey(), 0L))
                        * 1000.0 / ticksPerSecond))
                .filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .forEach(e -> result.put(e.getKey(), e.getValue()));
        return result;
    }

    private static Map<String, Long> benchThreads() {
        Map<String, Long> kinds = new HashMap<>();
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(PROC.resolve("self").resolve("task"))) {
            for (Path task : tasks) {
                try {
                    ProcStat t = ProcStat.parse(Files.readString(task.resolve("stat")));
                    kinds.merge(threadKind(t.comm()), t.utime() + t.stime(), Long::sum);
                } catch (IOException | RuntimeException e) {
                    // the thread ended while we looked
                }
            }
        } catch (IOException e) {
            return Map.of();
        }
        return kinds;
    }

    /** Milliseconds of CPU of a group between two snapshots. */
    double millis(Snapshot from, Snapshot to, String group) {
        long d = to.ticks().getOrDefault(group, 0L) - from.ticks().getOrDefault(group, 0L);
        return d * 1000.0 / ticksPerSecond;
    }

    /** Milliseconds of CPU of the whole box (all cores) between two snapshots: its capacity, and what was busy. */
    double boxCapacityMillis(Snapshot from, Snapshot to) {
        return (to.box().total() - from.box().total()) * 1000.0 / ticksPerSecond;
    }

    double boxBusyMillis(Snapshot from, Snapshot to) {
        return (to.box().busy() - from.box().busy()) * 1000.0 / ticksPerSecond;
    }

    private List<Root> findRoots() {
        List<Root> found = new ArrayList<>();
        for (String service : SERVICES) {
            root(service, dataDir.resolve("pids").resolve(service + ".pid"), found);
        }
        root(STACK, dataDir.resolve("pids").resolve("stack.pid"), found);
        root(POSTGRES, dataDir.resolve("stack").resolve("postgres").resolve("postmaster.pid"), found);
        int self = (int) ProcessHandle.current().pid();
        found.add(new Root(BENCH, self, ProcStat.jvmFlags(cmdline(self))));
        return List.copyOf(found);
    }

    private void root(String group, Path pidFile, List<Root> found) {
        int pid;
        try {
            pid = Integer.parseInt(Files.readAllLines(pidFile).getFirst().trim());
        } catch (IOException | RuntimeException e) {
            missing.add(group + ": no pid in " + pidFile);
            return;
        }
        if (!Files.exists(PROC.resolve(Integer.toString(pid)))) {
            missing.add(group + ": pid " + pid + " from " + pidFile + " is not running");
            return;
        }
        found.add(new Root(group, pid, ProcStat.jvmFlags(cmdline(pid))));
    }

    private static List<Integer> descendants(int root, Map<Integer, List<Integer>> children, Set<Integer> taken) {
        List<Integer> result = new ArrayList<>();
        ArrayDeque<Integer> todo = new ArrayDeque<>(children.getOrDefault(root, List.of()));
        while (!todo.isEmpty()) {
            int pid = todo.pop();
            if (taken.add(pid)) {
                result.add(pid);
                todo.addAll(children.getOrDefault(pid, List.of()));
            }
        }
        return result;
    }

    private static Map<Integer, ProcStat> readAll() {
        Map<Integer, ProcStat> all = new HashMap<>();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(PROC, "[0-9]*")) {
            for (Path dir : dirs) {
                try {
                    ProcStat p = ProcStat.parse(Files.readString(dir.resolve("stat")));
                    all.put(p.pid(), p);
                } catch (NoSuchFileException e) {
                    // ended while we looked
                } catch (IOException | RuntimeException e) {
                    // unreadable or odd: not one of ours
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot list /proc: " + e.getMessage(), e);
        }
        return all;
    }

    private static ProcStat.Box box() {
        try {
            return ProcStat.Box.parse(Files.readAllLines(PROC.resolve("stat")).getFirst());
        } catch (IOException e) {
            throw new IllegalStateException("cannot read /proc/stat: " + e.getMessage(), e);
        }
    }

    private static String cmdline(int pid) {
        try {
            return new String(Files.readAllBytes(PROC.resolve(pid + "/cmdline")), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    /** USER_HZ from getconf; 100, the value on every common Linux, when getconf is not there. */
    private static long clockTicks() {
        try {
            Process p = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).trim();
            if (p.waitFor(5, TimeUnit.SECONDS) && p.exitValue() == 0) {
                return Long.parseLong(out);
            }
        } catch (IOException | RuntimeException e) {
            // fall through to the default
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 100;
    }
}
