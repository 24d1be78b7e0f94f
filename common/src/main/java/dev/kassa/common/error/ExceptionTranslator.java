package dev.kassa.common.error;

import dev.kassa.common.api.ApiException;

import java.util.Optional;

/**
 * Turns a store-specific failure (a unique-key violation of PostgreSQL or MongoDB, say) into
 * the client error it stands for. Each store package contributes one as a CDI bean.
 */
public interface ExceptionTranslator {
    Optional<ApiException> translate(Throwable failure);
}
