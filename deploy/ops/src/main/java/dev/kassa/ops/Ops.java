package dev.kassa.ops;

import java.io.PrintStream;
import java.util.List;
import java.util.Map;

/**
 * {@code ./pos dlq list} and {@code ./pos dlq redrive [--consumer C] [--reason TEXT] [--again]}, against
 * the Kafka of {@code --kafka HOST:PORT} (./pos passes the running stack's).
 */
public final class Ops {
    private static final int SAMPLES = 3;

    private Ops() {
    }

    public static void main(String[] args) {
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        System.exit(run(args, System.out, System.err));
    }

    /** Runs one command; returns the exit code. */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        String kafka = "localhost:9092";
        String consumer = null;
        String reason = null;
        boolean again = false;
        String command = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--kafka" -> kafka = value(args, ++i);
                case "--consumer" -> consumer = value(args, ++i);
                case "--reason" -> reason = value(args, ++i);
                case "--again" -> again = true;
                case "dlq" -> { }
                case "list", "redrive" -> command = args[i];
                case "-h", "--help", "help" -> command = "help";
                default -> {
                    err.println("dlq: unknown argument " + args[i]);
                    usage(err);
                    return 2;
                }
            }
        }
        if (command == null || command.equals("help")) {
            usage(command == null ? err : out);
            return command == null ? 2 : 0;
        }
        DeadLetterQueue dlq = new DeadLetterQueue(kafka);
        if (command.equals("list")) {
            list(dlq.listing(), out);
        } else {
            List<DeadLetter> sent = dlq.redrive(consumer, reason, again);
            for (DeadLetter d : sent) {
                out.printf("re-drove %s (key %s) to %s, from %s%n", d.id(), d.key(), d.originalTopic(), d.consumer());
            }
            out.printf("%d dead letter(s) re-driven%n", sent.size());
        }
        return 0;
    }

    static void list(Map<DeadLetterQueue.Group, List<DeadLetter>> groups, PrintStream out) {
        if (groups.isEmpty()) {
            out.println("No pending dead letters.");
            return;
        }
        out.printf("%-40s %6s  %s%n", "CONSUMER", "COUNT", "REASON");
        groups.forEach((group, letters) -> {
            out.printf("%-40s %6d  %s%n", group.consumer(), letters.size(), group.reason());
            letters.stream().limit(SAMPLES).forEach(d ->
                    out.printf("%-40s %6s    %s key=%s (pos.dlq %s)%n", "", "", d.origin(), d.key(), d.id()));
        });
    }

    private static String value(String[] args, int i) {
        if (i >= args.length) {
            throw new IllegalArgumentException("missing value after " + args[i - 1]);
        }
        return args[i];
    }

    private static void usage(PrintStream out) {
        out.println("""
                Usage: ./pos dlq list
                       ./pos dlq redrive [--consumer C] [--reason TEXT] [--again]

                  list      pending dead letters of pos.dlq by consumer and reason, with sample origins and keys
                  redrive   send each matching pending dead letter's key and value back to its original topic
                            --consumer  a consumer (group/channel), its group or its channel, e.g. stock-service
                            --reason    text the reason contains
                            --again     also those re-driven before (the consumers are idempotent)""");
    }
}
