package dev.kassa.common.error;

import dev.kassa.common.api.ApiException;
import dev.kassa.common.api.ErrorCodes;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.Optional;

/** A store that is away answers 503 with a retryable code, never 500: the request itself was fine. */
@ApplicationScoped
public class StoreOutageTranslator implements ExceptionTranslator {

    @Override
    public Optional<ApiException> translate(Throwable failure) {
        return StoreOutages.isOutage(failure)
                ? Optional.of(ApiException.unavailable(ErrorCodes.DATABASE_UNAVAILABLE, "A store is unavailable, try again"))
                : Optional.empty();
    }
}
