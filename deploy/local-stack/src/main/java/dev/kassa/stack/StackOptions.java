package dev.kassa.stack;

import java.nio.file.Path;
import java.util.Optional;

/**
 * Command line of {@link LocalStack}.
 *
 * @param dataDir        where the servers keep their data; a temporary directory in ephemeral mode
 * @param ephemeral      data is thrown away on exit
 * @param ephemeralPorts every server gets a free port and an already served port is never reused
 */
record StackOptions(Path dataDir, boolean ephemeral, boolean ephemeralPorts, int pgPort, int kafkaPort,
                    int kafkaControllerPort, int mongoPort, int redisPort, Optional<Long> parentPid,
                    Optional<Path> readyFile) {

    static final String USAGE = """
            Usage: LocalStack [--data-dir DIR | --ephemeral] [--ephemeral-ports]
                              [--pg-port N] [--kafka-port N] [--kafka-controller-port N]
                              [--mongo-port N] [--redis-port N] [--parent-pid PID] [--ready-file FILE]
              --data-dir DIR      keep data in DIR and reuse it on the next start (default .data/stack)
              --ephemeral         keep data in a temporary directory deleted on exit
              --ephemeral-ports   pick free ports for every server (never reuses a running server)
              --parent-pid PID    stop everything when process PID exits
              --ready-file FILE   also write the READY json to FILE
            Defaults: postgres 5432, kafka 9092 (controller: kafka port + 1), mongo 27017, redis 6379.
            Control (stdin, or the TCP port 'controlPort' of the READY json), one command a line:
              stop|start postgres|kafka|mongo|redis, quit""";

    static StackOptions parse(String[] args) {
        Path dataDir = Path.of(".data", "stack");
        boolean ephemeral = false;
        boolean ephemeralPorts = false;
        int pg = 5432;
        int kafka = 9092;
        int controller = -1;
        int mongo = 27017;
        int redis = 6379;
        Long parent = null;
        Path ready = null;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            switch (arg) {
                case "--data-dir" -> dataDir = Path.of(value(args, ++i, arg));
                case "--ephemeral" -> ephemeral = true;
                case "--ephemeral-ports" -> ephemeralPorts = true;
                case "--pg-port" -> pg = port(value(args, ++i, arg), arg);
                case "--kafka-port" -> kafka = port(value(args, ++i, arg), arg);
                case "--kafka-controller-port" -> controller = port(value(args, ++i, arg), arg);
                case "--mongo-port" -> mongo = port(value(args, ++i, arg), arg);
                case "--redis-port" -> redis = port(value(args, ++i, arg), arg);
                case "--parent-pid" -> parent = Long.parseLong(value(args, ++i, arg));
                case "--ready-file" -> ready = Path.of(value(args, ++i, arg));
                case "-h", "--help" -> throw new IllegalArgumentException(USAGE);
                default -> throw new IllegalArgumentException("Unknown option " + arg + "\n" + USAGE);
            }
        }
        if (ephemeralPorts) {
            int[] free = Ports.free(5);
            pg = free[0];
            kafka = free[1];
            controller = free[2];
            mongo = free[3];
            redis = free[4];
        } else if (controller < 0) {
            controller = kafka + 1;
        }
        return new StackOptions(dataDir.toAbsolutePath().normalize(), ephemeral, ephemeralPorts, pg, kafka,
                controller, mongo, redis, Optional.ofNullable(parent), Optional.ofNullable(ready));
    }

    private static String value(String[] args, int i, String option) {
        if (i >= args.length) {
            throw new IllegalArgumentException(option + " needs a value\n" + USAGE);
        }
        return args[i];
    }

    private static int port(String value, String option) {
        int port = Integer.parseInt(value);
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException(option + ": no such port " + value);
        }
        return port;
    }
}
