package dev.kassa.common.pg;

import io.vertx.pgclient.PgException;

import java.sql.SQLException;
import java.util.Optional;

/**
 * Reads the SQLSTATE of a PostgreSQL failure however it arrives: as the reactive client's
 * {@link PgException}, or wrapped by Hibernate Reactive ({@code ConstraintViolationException} around a
 * {@link SQLException}), or inside a {@code CompletionException}.
 */
public final class SqlFailures {
    public static final String UNIQUE_VIOLATION = "23505";

    private SqlFailures() {
    }

    public static Optional<String> sqlState(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof PgException pg && pg.getSqlState() != null) {
                return Optional.of(pg.getSqlState());
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return Optional.of(sql.getSQLState());
            }
        }
        return Optional.empty();
    }

    public static boolean isUniqueViolation(Throwable failure) {
        return sqlState(failure).filter(UNIQUE_VIOLATION::equals).isPresent();
    }
}
