package dev.kassa.stack;

import org.jboss.logmanager.formatters.PatternFormatter;
import org.jboss.logmanager.handlers.ConsoleHandler;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Short logs on stderr: our own INFO lines, and only WARN and above from Kafka, PostgreSQL, H2 and the rest,
 * which otherwise print hundreds of lines per start. slf4j is bound to JBoss LogManager in this module only.
 */
final class StackLogging {

    /** Warnings that every start or restart prints and that say nothing wrong. */
    private static final String[] ROUTINE_WARNINGS = {
        "org.apache.kafka.controller.QuorumController", // "Performing controller activation."
        "org.apache.kafka.clients.NetworkClient",       // "Attempting to close NetworkClient that has already been closed."
    };

    /** Held so that the levels set here cannot be lost to garbage collection of the loggers. */
    private static final List<Logger> CONFIGURED = new ArrayList<>();

    private StackLogging() {
    }

    static void configure() {
        // Must happen before anything touches java.util.logging.
        System.setProperty("java.util.logging.manager", "org.jboss.logmanager.LogManager");
        Logger root = Logger.getLogger("");
        for (Handler handler : root.getHandlers()) {
            root.removeHandler(handler);
        }
        ConsoleHandler console = new ConsoleHandler(ConsoleHandler.Target.SYSTEM_ERR,
                new PatternFormatter("%d{HH:mm:ss.SSS} %-5p [%c{1}] %s%e%n"));
        console.setLevel(Level.ALL);
        root.addHandler(console);
        root.setLevel(Level.WARNING);
        Logger own = Logger.getLogger("dev.kassa");
        own.setLevel(Level.INFO);
        CONFIGURED.add(root);
        CONFIGURED.add(own);
        for (String name : ROUTINE_WARNINGS) {
            Logger quiet = Logger.getLogger(name);
            quiet.setLevel(Level.SEVERE);
            CONFIGURED.add(quiet);
        }
    }
}
