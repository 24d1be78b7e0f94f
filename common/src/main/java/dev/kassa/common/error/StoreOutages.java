package dev.kassa.common.error;

import java.io.EOFException;
import java.net.ConnectException;
import java.net.SocketException;
import java.nio.channels.ClosedChannelException;
import java.sql.SQLException;
import java.util.Set;

/**
 * Failures that mean "a store (PostgreSQL, MongoDB, Redis) is away right now": a retry later may
 * succeed, and nothing about the request was wrong. Matched by class, walking the cause chain and
 * each class's superclasses by name, so this needs none of the optional store clients on the path.
 */
public final class StoreOutages {
    private static final Set<String> OUTAGE_CLASSES = Set.of(
            "com.mongodb.MongoSocketException",
            "com.mongodb.MongoTimeoutException",
            "com.mongodb.MongoNotPrimaryException",
            "com.mongodb.MongoNodeIsRecoveringException",
            "com.mongodb.MongoConnectionPoolClearedException",
            "io.vertx.sqlclient.ClosedConnectionException",
            "io.netty.channel.ConnectTimeoutException");

    private StoreOutages() {
    }

    public static boolean isOutage(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConnectException || t instanceof ClosedChannelException || t instanceof SocketException
                    || t instanceof EOFException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
            if (isOutageClass(t.getClass()) || isConnectionMessage(t.getMessage())) {
                return true;
            }
        }
        return false;
    }

    private static boolean isOutageClass(Class<?> type) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            if (OUTAGE_CLASSES.contains(c.getName())) {
                return true;
            }
        }
        return false;
    }

    /** Vert.x clients report a dropped or refused connection as a plain exception with these words. */
    private static boolean isConnectionMessage(String message) {
        return message != null && (message.contains("Connection refused") || message.contains("Connection is closed")
                || message.contains("Connection reset") || message.contains("Connection was closed")
                || message.contains("Timeout waiting for connection") || message.contains("pool is closed"));
    }
}
