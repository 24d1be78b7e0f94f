package dev.kassa.common.event;

import dev.kassa.common.api.ApiException;

import java.lang.reflect.Method;
import java.sql.SQLException;
import java.util.Set;

/**
 * What a consumer's failure means for its record. Store classes are matched by name, since a
 * service has either the PostgreSQL or the MongoDB client on its classpath, never both.
 */
public enum FailureKind {
    /** The record can never apply (unparseable, invalid for the contract, a tenant not held here): dead-lettered at once. */
    POISON,
    /** The consumer's store or broker is away (refused, closed, timed out, pool exhausted, not primary): wait for it. */
    STORE_UNAVAILABLE,
    /** Anything else: retried a few times, then dead-lettered. */
    UNEXPECTED;

    private static final Set<String> UNAVAILABLE_CLASSES = Set.of(
            "java.net.ConnectException",
            "java.net.SocketException",
            "java.net.NoRouteToHostException",
            "java.net.SocketTimeoutException",
            "java.nio.channels.ClosedChannelException",
            "java.util.concurrent.TimeoutException",
            "java.sql.SQLTransientException",
            "java.sql.SQLRecoverableException",
            "io.netty.channel.ConnectTimeoutException",
            "io.vertx.core.http.ConnectionPoolTooBusyException",
            "io.vertx.sqlclient.ClosedConnectionException",
            "io.vertx.core.impl.NoStackTraceTimeoutException",
            "com.mongodb.MongoSocketException",
            "com.mongodb.MongoTimeoutException",
            "com.mongodb.MongoNotPrimaryException",
            "com.mongodb.MongoNodeIsRecoveringException",
            "com.mongodb.MongoConnectionPoolClearedException",
            "com.mongodb.MongoInterruptedException",
            "com.mongodb.MongoClientException",
            "org.apache.kafka.common.KafkaException");

    private static final Set<String> POISON_CLASSES = Set.of(
            "com.fasterxml.jackson.core.JsonProcessingException",
            "jakarta.validation.ConstraintViolationException");

    /** Messages of Vert.x failures that carry no type of their own. */
    private static final Set<String> UNAVAILABLE_MESSAGES = Set.of(
            "connection closed", "connection is not active", "pool closed", "timeout", "connection refused",
            "connection reset", "failed to read any response from the server");

    public static FailureKind of(Throwable failure) {
        FailureKind found = UNEXPECTED;
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 20; t = t.getCause() == t ? null : t.getCause(), depth++) {
            if (t instanceof PoisonEventException) {
                return POISON;
            }
            if (t instanceof ApiException api && api.status() >= 400 && api.status() < 500) {
                return POISON;
            }
            if (is(t, POISON_CLASSES)) {
                return POISON;
            }
            if (unavailable(t)) {
                found = STORE_UNAVAILABLE;
            }
        }
        return found;
    }

    private static boolean unavailable(Throwable t) {
        if (is(t, UNAVAILABLE_CLASSES)) {
            return true;
        }
        String sqlState = t instanceof SQLException sql ? sql.getSQLState() : pgSqlState(t);
        if (sqlState != null && unavailableSqlState(sqlState)) {
            return true;
        }
        if (t.getClass().getName().startsWith("io.vertx.") && t.getMessage() != null) {
            String message = t.getMessage().toLowerCase(java.util.Locale.ROOT);
            return UNAVAILABLE_MESSAGES.stream().anyMatch(message::contains);
        }
        return false;
    }

    /**
     * PostgreSQL: connection exceptions (08), shutting down or not yet accepting (57P01-57P03),
     * too many connections (53300), and the waits a retry always cures (40001, 40P01).
     */
    static boolean unavailableSqlState(String state) {
        return state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03")
                || state.equals("53300") || state.equals("40001") || state.equals("40P01");
    }

    private static String pgSqlState(Throwable t) {
        if (!t.getClass().getName().equals("io.vertx.pgclient.PgException")) {
            return null;
        }
        try {
            Method m = t.getClass().getMethod("getSqlState");
            Object state = m.invoke(t);
            return state == null ? null : state.toString();
        } catch (ReflectiveOperationException e) {
            return null;
        }
    }

    private static boolean is(Throwable t, Set<String> names) {
        for (Class<?> c = t.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
            if (names.contains(c.getName())) {
                return true;
            }
        }
        return false;
    }

    /** A short, bounded reason: the message, or the class where there is none. */
    public static String reason(Throwable failure) {
        String message = failure.getMessage();
        String reason = message == null || message.isBlank() ? failure.getClass().getSimpleName() : message;
        return reason.length() > 500 ? reason.substring(0, 500) : reason;
    }
}
