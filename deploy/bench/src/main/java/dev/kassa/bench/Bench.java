package dev.kassa.bench;

import java.io.PrintStream;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.function.ToDoubleFunction;

/**
 * {@code ./pos bench}: provisions (or reuses) a bench tenant, runs the sale phase (N virtual terminals, each
 * looping create cart, K x add item, subtotal, pay cash, bill) until steady, measures several windows with the
 * CPU of every process, then the consumer lag, optionally the HTTP floor, and prints the tables and the
 * targets. Exit code 0 whenever the benchmark ran, 1 when provisioning failed, 2 on a bad command line.
 */
public final class Bench {

    /** How long to wait after the sale phase for the last tranlogs. */
    static final Duration KAFKA_GRACE = Duration.ofSeconds(5);
    /** How long to follow the consumer lag after the load stopped. */
    static final Duration LAG_WAIT = Duration.ofSeconds(30);
    /** Length of the warm-up's windows, for the steady-state test. */
    static final Duration WARMUP_WINDOW = Duration.ofSeconds(5);
    /** Connections of a paced run: its terminals send seldom, so they share a pool. */
    static final int PACED_CONNECTIONS = 256;

    private Bench() {
    }

    public static void main(String[] args) throws InterruptedException {
        // Before kafka-clients creates its first logger: its chatter (and its reconnect warnings) would bury the table.
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        System.setProperty("org.slf4j.simpleLogger.log.org.apache.kafka", "error");
        System.setProperty("vertx.disableDnsResolver", "true");
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) throws InterruptedException {
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("bench: " + e.getMessage());
            err.println("Try ./pos bench --help");
            return 2;
        }
        if (options.help()) {
            out.println(BenchOptions.USAGE);
            return 0;
        }
        int connections = options.paced() ? Math.min(options.terminals(), PACED_CONNECTIONS) : options.terminals();
        CpuAccount cpu = new CpuAccount(options.dataDir());
        try (Http http = new Http(connections)) {
            Provisioner provisioner = new Provisioner(http, options, out);
            Provisioner.BenchTenant tenant;
            try {
                provisioner.checkServicesUp();
                long began = System.nanoTime();
                tenant = provisioner.provisionOrReuse();
                out.printf("Tenant ready in %.1f s.%n", (System.nanoTime() - began) / 1e9);
            } catch (Provisioner.ProvisioningException e) {
                err.println("bench: provisioning failed: " + e.getMessage());
                return 1;
            }

            TranlogWatcher watcher = null;
            String kafkaProblem = null;
            try {
                watcher = new TranlogWatcher(options.kafka(), tenant.tenantId());
                watcher.start();
                out.printf("Watching %s on %s (%d partitions, from their end).%n", TranlogWatcher.TOPIC,
                        options.kafka(), watcher.partitions());
            } catch (RuntimeException e) {
                kafkaProblem = "cannot read " + TranlogWatcher.TOPIC + " at " + options.kafka() + ": " + e.getMessage();
                out.println("Warning: " + kafkaProblem + "; bill-to-Kafka latency will not be measured.");
            }

            Report.Measured sales;
            Report.CpuUsage usage;
            BillMatcher.Result kafka = null;
            List<ConsumerLag.GroupLag> lag = null;
            String lagProblem = null;
            try {
                SaleLoop.BillListener bills = watcher == null ? SaleLoop.BillListener.NONE : watcher::billed;
                URI cart = options.uri(BenchOptions.CART_PORT, "");
                LoadPhase phase = new LoadPhase(http, out, options.operations(), options.pace());
                // A paced terminal needs K + 4 intervals for a sale (2K + 4 asking for recommendations); the
                // starts are spread over one such cycle.
                long steps = options.items() * (options.recommend() ? 2L : 1L) + 4L;
                Duration cycle = options.paced() ? options.pace().multipliedBy(steps) : Duration.ZERO;
                List<CpuAccount.Snapshot> edges = new ArrayList<>();
                Duration minWarmup = options.minWarmup() != null ? options.minWarmup() : autoMinWarmup(cpu.roots());
                out.printf("Sale phase: %d virtual terminals, %s; warm-up %s to %s s, then %d x %s s ...%n",
                        options.terminals(), options.paced() ? "one request every " + Report.secs(options.pace())
                                + " s each" : "closed loop", Report.secs(minWarmup), Report.secs(options.warmup()),
                        options.windows(), Report.secs(options.duration()));
                sales = measure(phase, options, cycle, minWarmup, i -> new SaleLoop(cart, tenant.itemCodes(),
                                tenant.terminals().get(i % tenant.terminals().size()), bills, options.recommend()),
                        options.paced() ? w -> w.perSecond(w.requests) : w -> w.perSecond(w.completed),
                        options.paced() ? "req/s" : "sales/s", cpu, edges, out);
                usage = usage(cpu, edges, sales);
                try (ConsumerLag lagReader = new ConsumerLag(options.kafka())) {
                    lag = lagReader.untilZero(LAG_WAIT);
                } catch (Exception e) {
                    lagProblem = String.valueOf(e);
                }
                if (watcher != null) {
                    kafka = watcher.finish(KAFKA_GRACE);
                }
            } finally {
                if (watcher != null) {
                    watcher.close();
                }
            }

            Report.Measured floor = null;
            if (options.floor()) {
                URI floorUri = options.uri(BenchOptions.CART_PORT, "/");
                Http.Request request = Http.Request.get(floorUri);
                LoadPhase.Step step = new LoadPhase.Step(Report.FLOOR_OP, request, null);
                out.printf("Floor phase (GET %s): %d connections ...%n", floorUri, options.terminals());
                LoadPhase phase = new LoadPhase(http, out, List.of(Report.FLOOR_OP), Duration.ZERO);
                floor = measure(phase, options, Duration.ZERO, Duration.ZERO, i -> new LoadPhase.Loop() {
                    @Override
                    public LoadPhase.Step next() {
                        return step;
                    }

                    @Override
                    public boolean accept(Http.Reply reply, long nanos, boolean measured) {
                        return false;
                    }

                    @Override
                    public void abandon() {
                    }
                }, w -> w.perSecond(w.requests), "req/s", null, new ArrayList<>(), out);
            }

            out.print(Report.render(new Report.Inputs(options, tenant.tenantId(), connections, sales, floor, kafka,
                    kafkaProblem, usage, lag, lagProblem)));
            return 0;
        }
    }

    /**
     * {@link BenchOptions#C2_MIN_WARMUP} when a service runs the full JIT: its C1 code gives a plateau that
     * looks steady for minutes before C2 code replaces it (seen: 21 sales/s for 30 s, then 108).
     */
    static Duration autoMinWarmup(List<CpuAccount.Root> roots) {
        boolean c2 = roots.stream().anyMatch(r -> CpuAccount.SERVICES.contains(r.group())
                && r.flags() != null && !r.flags().contains("TieredStopAtLevel"));
        return c2 ? BenchOptions.C2_MIN_WARMUP : Duration.ZERO;
    }

    /**
     * Starts the terminals spread over {@code cycle}, warms up in windows of {@link #WARMUP_WINDOW} until
     * {@link SteadyState} holds (not before one {@code cycle} nor {@code minWarmup}) or the warm-up limit passes,
     * then measures the
     * windows; {@code cpu} (may be null) is sampled at each edge.
     */
    static Report.Measured measure(LoadPhase phase, BenchOptions options, Duration cycle, Duration minWarmup,
                                   IntFunction<LoadPhase.Loop> loops, ToDoubleFunction<LoadPhase.Window> rate,
                                   String unit, CpuAccount cpu, List<CpuAccount.Snapshot> edges, PrintStream out)
            throws InterruptedException {
        long start = System.nanoTime();
        phase.start(options.terminals(), cycle, loops);
        long limit = start + options.warmup().toNanos();
        long min = start + Math.min(Math.max(cycle.toNanos(), minWarmup.toNanos()), options.warmup().toNanos());
        List<Double> rates = new ArrayList<>();
        long warmupErrors = 0;
        boolean steady = options.warmup().isZero();
        long edge = start;
        while (!steady && edge < limit) {
            edge = Math.min(edge + WARMUP_WINDOW.toNanos(), limit);
            sleepUntil(edge);
            LoadPhase.Window w = phase.rotate(false);
            warmupErrors += w.errors;
            rates.add(rate.applyAsDouble(w));
            out.printf("  warm-up %5.1f s: %8.1f %s, %d errors%n", (System.nanoTime() - start) / 1e9,
                    rates.getLast(), unit, w.errors);
            steady = System.nanoTime() >= min && SteadyState.reached(rates);
        }
        warmupErrors += phase.rotate(true).errors; // the few microseconds since the last warm-up window
        long windowStart = System.nanoTime();
        Duration warmedUp = Duration.ofNanos(windowStart - start);
        // Sampled right after each edge: reading /proc takes a while on a busy box, about as long at every edge.
        if (cpu != null) {
            edges.add(cpu.sample());
        }
        List<LoadPhase.Window> windows = new ArrayList<>();
        for (int i = 1; i <= options.windows(); i++) {
            sleepUntil(windowStart + options.duration().toNanos() * i);
            LoadPhase.Window w = phase.rotate(i < options.windows());
            if (cpu != null) {
                edges.add(cpu.sample());
            }
            windows.add(w);
            out.printf("  window %d: %5.1f s, %8.1f %s, %d errors, p99 ms:%s%n", i, w.seconds(),
                    rate.applyAsDouble(w), unit, w.errors, p99s(w));
        }
        phase.stop();
        return new Report.Measured(List.copyOf(windows), warmedUp, steady, warmupErrors);
    }

    private static String p99s(LoadPhase.Window w) {
        StringBuilder b = new StringBuilder();
        for (String op : w.table.operations()) {
            b.append(' ').append(op).append(' ').append(Report.num(w.table.percentileMillis(op, 99)));
        }
        return b.toString();
    }

    private static Report.CpuUsage usage(CpuAccount cpu, List<CpuAccount.Snapshot> edges, Report.Measured sales) {
        CpuAccount.Snapshot first = edges.getFirst();
        CpuAccount.Snapshot last = edges.getLast();
        List<Report.CpuRow> rows = new ArrayList<>();
        for (String group : cpu.groups()) {
            String flags = cpu.roots().stream().filter(r -> r.group().equals(group)).map(CpuAccount.Root::flags)
                    .findFirst().orElse(null);
            if (flags == null && !group.equals(CpuAccount.REDIS)) {
                continue; // not running: listed under "not measured"
            }
            rows.add(new Report.CpuRow(group, cpu.millis(first, last, group), !group.equals(CpuAccount.BENCH),
                    flags == null ? "" : flags));
        }
        List<Double> byWindow = new ArrayList<>();
        for (int i = 1; i < edges.size(); i++) {
            long completed = sales.windows().get(i - 1).completed;
            double kassa = 0;
            for (Report.CpuRow r : rows) {
                if (r.kassa()) {
                    kassa += cpu.millis(edges.get(i - 1), edges.get(i), r.process());
                }
            }
            byWindow.add(completed == 0 ? Double.NaN : kassa / completed);
        }
        double capacity = cpu.boxCapacityMillis(first, last);
        double seconds = (last.nanos() - first.nanos()) / 1e9;
        int cores = seconds <= 0 ? 0 : (int) Math.round(capacity / 1000 / seconds);
        return new Report.CpuUsage(rows, capacity, cpu.boxBusyMillis(first, last), cores, byWindow, cpu.missing(),
                cpu.benchThreadMillis(first, last));
    }

    private static void sleepUntil(long nanos) throws InterruptedException {
        long wait = nanos - System.nanoTime();
        if (wait > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
        }
    }
}
