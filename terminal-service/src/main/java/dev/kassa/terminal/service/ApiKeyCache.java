package dev.kassa.terminal.service;

import dev.kassa.common.auth.ApiKeys;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.List;

/**
 * The other services cache a verified API key in Redis under the terminal id, with the terminal's
 * state. Whenever the key or the state changes (rotation, deletion, sign-in/out, open, close) the
 * entry goes at once, so an old key stops working and no service acts on a stale state.
 */
@ApplicationScoped
public class ApiKeyCache {
    private static final Logger LOG = Logger.getLogger(ApiKeyCache.class);

    @Inject
    ReactiveRedisDataSource redis;

    public Uni<Void> evict(String terminalId) {
        return evict(List.of(terminalId));
    }

    public Uni<Void> evict(List<String> terminalIds) {
        if (terminalIds.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        String[] keys = terminalIds.stream().map(ApiKeys::cacheKey).toArray(String[]::new);
        return redis.key(String.class).del(keys)
                .onFailure().retry().withBackOff(Duration.ofMillis(100)).atMost(3)
                .onFailure().invoke(e -> LOG.errorf(
                        "Cannot evict cached API keys of %s; other services may accept the old key until the cache expires: %s",
                        terminalIds, e.toString()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }
}
