package dev.kassa.common.pg;

import dev.kassa.common.api.ApiException;
import dev.kassa.common.error.ExceptionTranslator;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;

/** A unique-key violation is a duplicate the client sent (400), not a server fault. */
@ApplicationScoped
public class PgExceptionTranslator implements ExceptionTranslator {

    @Override
    public Optional<ApiException> translate(Throwable failure) {
        if (failure instanceof PgException pg && "23505".equals(pg.getSqlState())) {
            return Optional.of(ApiException.duplicate("The record already exists"));
        }
        return Optional.empty();
    }
}
