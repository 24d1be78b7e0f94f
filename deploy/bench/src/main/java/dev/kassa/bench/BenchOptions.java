package dev.kassa.bench;

import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;

/** The command line of {@code ./pos bench}. */
record BenchOptions(int terminals, int items, Duration duration, Duration warmup, String baseHost, String kafka,
                    boolean help) {

    static final int ACCOUNT_PORT = 8000;
    static final int TERMINAL_PORT = 8001;
    static final int MASTERDATA_PORT = 8002;
    static final int CART_PORT = 8003;

    private static final Set<String> OPTIONS_WITH_VALUE =
            Set.of("--terminals", "--items", "--duration", "--warmup", "--base-host", "--kafka");

    static final String USAGE = """
            Usage: ./pos bench [OPTIONS]

            Provisions a fresh tenant through the public API of a running system (./pos up), then drives
            N virtual terminals through whole sales with no think time and prints throughput, latency
            percentiles per operation, the HTTP floor of the cart service and the bill-to-Kafka latency.

              --terminals N     virtual terminals, one connection each (default 50)
              --items K         line items per sale, one request each (default 5)
              --duration T      measured time of each phase: 60, 60s, 2m, 500ms (default 60s)
              --warmup T        unmeasured time before each phase (default 10s)
              --base-host HOST  host of the services, ports 8000-8003 (default 127.0.0.1)
              --kafka HOST:PORT Kafka bootstrap server for pos.tranlog (default 127.0.0.1:9092)
              --help            this text

            Exit code: 0 when the benchmark ran (targets met or not), 1 when provisioning failed,
            2 on a bad command line.""";

    static BenchOptions defaults() {
        return new BenchOptions(50, 5, Duration.ofSeconds(60), Duration.ofSeconds(10), "127.0.0.1", "127.0.0.1:9092",
                false);
    }

    /** Parses {@code --name value} and {@code --name=value}; throws IllegalArgumentException with a message. */
    static BenchOptions parse(String... args) {
        BenchOptions o = defaults();
        int terminals = o.terminals;
        int items = o.items;
        Duration duration = o.duration;
        Duration warmup = o.warmup;
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
            if (name.equals("--help") || name.equals("-h")) {
                help = true;
                continue;
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
                case "--warmup" -> warmup = duration(name, value, true);
                case "--base-host" -> host = host(name, value);
                case "--kafka" -> kafka = nonBlank(name, value);
                default -> throw new IllegalArgumentException("unknown option " + name);
            }
        }
        return new BenchOptions(terminals, items, duration, warmup, host, kafka, help);
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
