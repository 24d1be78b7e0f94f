package dev.kassa.common.error;

import dev.kassa.common.api.ApiException;
import dev.kassa.common.api.ErrorCodes;
import dev.kassa.common.event.FailureKind;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;

/**
 * A store or broker that is away answers 503 with a retryable code, never 500: the request itself
 * was fine. What counts as "away" is the consumers' own classification ({@link FailureKind}).
 */
@ApplicationScoped
public class StoreOutageTranslator implements ExceptionTranslator {

    @Override
    public Optional<ApiException> translate(Throwable failure) {
        return FailureKind.of(failure) == FailureKind.STORE_UNAVAILABLE
                ? Optional.of(ApiException.unavailable(ErrorCodes.DATABASE_UNAVAILABLE, "A store is unavailable, try again"))
                : Optional.empty();
    }
}
