package dev.kassa.bench;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;

/** The command line of {@code ./pos bench}. {@code pace} is zero for the closed loop. */
record BenchOptions(int terminals, int items, Duration duration, int windows, Duration warmup, Duration pace,
                    boolean floor, boolean newTenant, Path dataDir, String baseHost, String kafka, boolean help,
                    Duration minWarmup, boolean recommend) {

    /** The shortest warm-up when a service runs the full JIT (C2): C1-compiled code plateaus long before. */
    static final Duration C2_MIN_WARMUP = Duration.ofSeconds(180);

    static final int ACCOUNT_PORT = 8000;
    static final int TERMINAL_PORT = 8001;
    static final int MASTERDATA_PORT = 8002;
    static final int CART_PORT = 8003;

    private static final Set<String> OPTIONS_WITH_VALUE = Set.of("--terminals", "--items", "--duration", "--windows",
            "--warmup", "--min-warmup", "--pace", "--data-dir", "--base-host", "--kafka");

    static final String USAGE = """
            Usage: ./pos bench [OPTIONS]

            Drives N virtual terminals of a bench tenant through whole sales against a running system
            (./pos up): warms up until the throughput stops rising (or for --warmup at most), then measures
            several windows and prints the median and range of sales/s and of each operation's p99, the CPU
            per completed sale of every process (from /proc, with the JVM flags each runs with), the
            bill-to-Kafka latency and the consumer lag after the load stops. The tenant of the last run is
            reused when it has the same items (saved in DATA/bench/; missing terminals are added).

              --terminals N     virtual terminals (default 50)
              --items K         line items per sale, one request each (default 5)
              --pace T          each terminal sends one request every T on a fixed schedule (open loop;
                                latency counts from the scheduled time); default: none, closed loop with
                                no think time, one connection per terminal
              --duration T      length of each measured window: 20, 20s, 2m, 500ms (default 20s)
              --windows N       measured windows (default 3)
              --warmup T        longest warm-up; it ends earlier once 3 windows of 5 s agree within 5 %
                                and no longer rise (default 300s; 0: none)
              --min-warmup T    shortest warm-up (default: 180s when a service runs the full JIT, whose
                                C1 code plateaus for minutes before C2 takes over; else none)
              --floor           also measure the HTTP floor: the same client on GET / of the cart service
              --recommend       after each add-item, ask the cart for recommendations (as a till showing
                                "also bought" would); reported as the operation recommend
              --new-tenant      provision a fresh tenant even when a saved one fits
              --data-dir PATH   the data directory of ./pos up: pid files and the saved tenant
                                (default .data)
              --base-host HOST  host of the services, ports 8000-8003 (default 127.0.0.1)
              --kafka HOST:PORT Kafka bootstrap server (default 127.0.0.1:9092)
              --help            this text

            Exit code: 0 when the benchmark ran (targets met or not), 1 when provisioning failed,
            2 on a bad command line.""";

    static BenchOptions defaults() {
        return new BenchOptions(50, 5, Duration.ofSeconds(20), 3, Duration.ofSeconds(300), Duration.ZERO, false, false,
                Path.of(".data"), "127.0.0.1", "127.0.0.1:9092", false, null, false);
    }

    /** The operations of one sale, in order. */
    java.util.List<String> operations() {
        return recommend ? Report.SALE_OPS_WITH_RECOMMEND : Report.SALE_OPS;
    }

    boolean paced() {
        return !pace.isZero();
    }

    /** Parses {@code --name value} and {@code --name=value}; throws IllegalArgumentException with a message. */
    static BenchOptions parse(String... args) {
        BenchOptions o = defaults();
        int terminals = o.terminals;
        int items = o.items;
        Duration duration = o.duration;
        int windows = o.windows;
        Duration warmup = o.warmup;
        Duration minWarmup = o.minWarmup;
        Duration pace = o.pace;
        boolean floor = false;
        boolean newTenant = false;
        boolean recommend = false;
        Path dataDir = o.dataDir;
        String host = o.baseHost;
        String kafka = o.kafka;
        boolean help = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String name = arg;
            String value = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                name = arg.substring(0, eq);
                value = arg.substring(eq + 1);
            }
            switch (name) {
                case "--help", "-h" -> {
                    help = true;
                    continue;
                }
                case "--floor" -> {
                    floor = true;
                    continue;
                }
                case "--new-tenant" -> {
                    newTenant = true;
                    continue;
                }
                case "--recommend" -> {
                    recommend = true;
                    continue;
                }
                default -> {
                }
            }
            if (!OPTIONS_WITH_VALUE.contains(name)) {
                throw new IllegalArgumentException("unknown option " + name);
            }
            if (value == null) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException(name + " needs a value");
                }
                value = args[++i];
            }
            switch (name) {
                case "--terminals" -> terminals = positiveInt(name, value, 10_000);
                case "--items" -> items = positiveInt(name, value, 1_000);
                case "--duration" -> duration = duration(name, value, false);
                case "--windows" -> windows = positiveInt(name, value, 100);
                case "--warmup" -> warmup = duration(name, value, true);
                case "--min-warmup" -> minWarmup = duration(name, value, true);
                case "--pace" -> pace = duration(name, value, true);
                case "--data-dir" -> dataDir = Path.of(nonBlank(name, value));
                case "--base-host" -> host = host(name, value);
                case "--kafka" -> kafka = nonBlank(name, value);
                default -> throw new IllegalArgumentException("unknown option " + name);
            }
        }
        return new BenchOptions(terminals, items, duration, windows, warmup, pace, floor, newTenant, dataDir, host,
                kafka, help, minWarmup, recommend);
    }

    URI uri(int port, String path) {
        String h = baseHost.contains(":") && !baseHost.startsWith("[") ? "[" + baseHost + "]" : baseHost;
        return URI.create("http://" + h + ":" + port + path);
    }

    static int positiveInt(String name, String value, int max) {
        try {
            int n = Integer.parseInt(value.trim());
            if (n < 1 || n > max) {
                throw new IllegalArgumentException(name + " must be between 1 and " + max + ", not " + value);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " needs a whole number, not '" + value + "'");
        }
    }

    /** {@code 60} (seconds), {@code 60s}, {@code 2m}, {@code 1500ms}. */
    static Duration duration(String name, String value, boolean zeroAllowed) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        long factorMillis;
        String digits;
        if (v.endsWith("ms")) {
            factorMillis = 1;
            digits = v.substring(0, v.length() - 2);
        } else if (v.endsWith("s")) {
            factorMillis = 1000;
            digits = v.substring(0, v.length() - 1);
        } else if (v.endsWith("m")) {
            factorMillis = 60_000;
            digits = v.substring(0, v.length() - 1);
        } else {
            factorMillis = 1000;
            digits = v;
        }
        long n;
        try {
            n = Long.parseLong(digits);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " needs a duration such as 60, 60s, 2m or 500ms, not '"
                    + value + "'");
        }
        if (n < 0 || (n == 0 && !zeroAllowed) || n > 86_400_000L / factorMillis) {
            throw new IllegalArgumentException(name + " out of range: " + value);
        }
        return Duration.ofMillis(n * factorMillis);
    }

    private static String host(String name, String value) {
        String v = nonBlank(name, value);
        if (v.contains("/") || v.matches(".*:\\d+$") && !v.contains("::")) {
            throw new IllegalArgumentException(name + " is a host name or address without scheme or port, not '"
                    + value + "'");
        }
        return v;
    }

    private static String nonBlank(String name, String value) {
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " needs a value");
        }
        return value.trim();
    }
}
