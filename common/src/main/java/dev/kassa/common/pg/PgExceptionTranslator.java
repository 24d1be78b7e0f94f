package dev.kassa.common.pg;

import dev.kassa.common.api.ApiException;
import dev.kassa.common.error.ExceptionTranslator;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;

/**
 * PostgreSQL failures that stand for something the client sent: a unique-key violation is a
 * duplicate (400), a data exception (class 22: a NUL byte, a number out of range, a string too
 * long) or an index row too large (54000) is invalid input (422); a lost connection is the
 * store being away ({@code StoreOutageTranslator}). Sees through Hibernate Reactive's wrapping
 * (see {@link SqlFailures}).
 */
@ApplicationScoped
public class PgExceptionTranslator implements ExceptionTranslator {

    @Override
    public Optional<ApiException> translate(Throwable failure) {
        return SqlFailures.sqlState(failure).map(state -> {
            if (SqlFailures.UNIQUE_VIOLATION.equals(state)) {
                return ApiException.duplicate("The record already exists");
            }
            if (state.startsWith("22") || "54000".equals(state)) {
                return ApiException.validation("Invalid input data: a value does not fit its field");
            }
            return null;
        });
    }
}
