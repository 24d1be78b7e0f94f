package dev.kassa.common.auth;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.value.SetArgs;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Instant;

/**
 * The deny-list of user tokens revoked before they expire (logout, a reused refresh token, a
 * deactivated user), in Redis under the token's id ({@code jti}) until the token expires. Every
 * replica of every service reads the same entries, so a revocation holds everywhere at once.
 * Only user tokens are looked up (one Redis read per request); terminal and service tokens, on
 * the sale's path, never are. If Redis cannot be read, the token is let through (and an error is
 * logged): user tokens live minutes, and a Redis outage must not lock the back office out.
 */
@ApplicationScoped
public class RevokedTokens {
    private static final Logger LOG = Logger.getLogger(RevokedTokens.class);
    static final String PREFIX = "kassa:auth:revoked:";

    @Inject
    ReactiveRedisDataSource redis;

    public static String key(String tokenId) {
        return PREFIX + tokenId;
    }

    public Uni<Boolean> isRevoked(String tokenId) {
        return redis.key(String.class).exists(key(tokenId))
                .onFailure().recoverWithItem(e -> {
                    LOG.errorf("Token deny-list unavailable, not checked: %s", e.getMessage());
                    return false;
                });
    }

    /** Refuses the token from now on; the entry goes when the token would have expired anyway. */
    public Uni<Void> revoke(String tokenId, Instant expiresAt) {
        if (tokenId == null || !expiresAt.isAfter(Instant.now())) {
            return Uni.createFrom().voidItem();
        }
        return redis.value(String.class).set(key(tokenId), "1", new SetArgs().pxAt(expiresAt.plusSeconds(1)));
    }
}
