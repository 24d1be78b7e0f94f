package dev.kassa.common.auth;

import dev.kassa.common.api.ApiException;
import dev.kassa.common.api.ErrorCodes;
import dev.kassa.common.client.TerminalClient;
import io.quarkus.arc.DefaultBean;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.hash.ReactiveHashCommands;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * API-key check for services other than the terminal service: asks the terminal service and
 * keeps the answer in Redis for a short while, under the terminal id, as a hash of the key.
 * The terminal service deletes that entry when a key is rotated or a terminal deleted, so a
 * replaced key stops working at once in every service.
 */
@DefaultBean
@ApplicationScoped
public class RemoteApiKeyVerifier implements ApiKeyVerifier {
    private static final Logger LOG = Logger.getLogger(RemoteApiKeyVerifier.class);

    @Inject
    TerminalClient terminal;

    @Inject
    ReactiveRedisDataSource redis;

    @ConfigProperty(name = "kassa.api-key.cache-ttl", defaultValue = "PT5M")
    Duration ttl;

    @Override
    public Uni<Optional<TerminalClaims>> verify(String terminalId, String apiKey) {
        String hash = ApiKeys.hash(apiKey);
        ReactiveHashCommands<String, String, String> hashes = redis.hash(String.class);
        String key = ApiKeys.cacheKey(terminalId);
        return hashes.hgetall(key)
                .onFailure().recoverWithItem(Map.of())
                .flatMap(cached -> {
                    if (hash.equals(cached.get("keyHash"))) {
                        return Uni.createFrom().item(Optional.of(TerminalClaims.identity(terminalId,
                                cached.get("storeCode"), Integer.valueOf(cached.get("terminalNo")))));
                    }
                    return terminal.terminalForKey(terminalId, apiKey)
                            .onFailure().transform(e -> {
                                LOG.warnf("Terminal service unavailable for the API-key check: %s", e.toString());
                                return new ApiException(503, ErrorCodes.EXTERNAL_UNAVAILABLE,
                                        "The terminal service is unavailable; the API key cannot be checked");
                            })
                            .flatMap(found -> found.isEmpty() ? Uni.createFrom().item(found)
                                    : remember(hashes, key, hash, found.get()).replaceWith(found));
                });
    }

    private Uni<Void> remember(ReactiveHashCommands<String, String, String> hashes, String key, String hash,
                               TerminalClaims t) {
        return hashes.hset(key, Map.of("keyHash", hash, "storeCode", t.storeCode(),
                        "terminalNo", String.valueOf(t.terminalNo())))
                .flatMap(n -> redis.key(String.class).expire(key, ttl))
                .replaceWithVoid()
                .onFailure().recoverWithNull();
    }
}
