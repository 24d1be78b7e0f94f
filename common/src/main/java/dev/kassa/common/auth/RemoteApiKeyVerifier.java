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
 * keeps the answer in Redis for a short while under the terminal id: the key's hash and the
 * terminal's identity and state (status, business date, counters, staff). The terminal service
 * deletes that entry whenever any of it changes (key rotated, terminal deleted, sign-in/out,
 * open, close), so a replaced key stops working at once and no service acts on a stale state.
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
                        return Uni.createFrom().item(Optional.of(fromCache(terminalId, cached)));
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

    private static TerminalClaims fromCache(String terminalId, Map<String, String> c) {
        return new TerminalClaims(terminalId, c.get("storeCode"), integer(c.get("terminalNo")), c.get("status"),
                c.get("businessDate"), integer(c.get("openCounter")), integer(c.get("businessCounter")),
                c.get("staffId"), c.get("staffName"));
    }

    private static Integer integer(String s) {
        return s == null || s.isEmpty() ? null : Integer.valueOf(s);
    }

    private Uni<Void> remember(ReactiveHashCommands<String, String, String> hashes, String key, String hash,
                               TerminalClaims t) {
        Map<String, String> fields = new java.util.HashMap<>();
        fields.put("keyHash", hash);
        put(fields, "storeCode", t.storeCode());
        put(fields, "terminalNo", t.terminalNo());
        put(fields, "status", t.status());
        put(fields, "businessDate", t.businessDate());
        put(fields, "openCounter", t.openCounter());
        put(fields, "businessCounter", t.businessCounter());
        put(fields, "staffId", t.staffId());
        put(fields, "staffName", t.staffName());
        return hashes.hset(key, fields)
                .flatMap(n -> redis.key(String.class).expire(key, ttl))
                .replaceWithVoid()
                .onFailure().recoverWithNull();
    }

    private static void put(Map<String, String> fields, String name, Object value) {
        if (value != null) {
            fields.put(name, String.valueOf(value));
        }
    }
}
