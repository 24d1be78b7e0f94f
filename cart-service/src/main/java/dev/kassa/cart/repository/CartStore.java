package dev.kassa.cart.repository;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Response;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.Optional;

/**
 * Live carts in Redis, one hash per cart ({@code v} = version, {@code json} = the cart), expiring
 * after {@code kassa.cart.ttl} of inactivity. Writes are compare-and-set on the version in one
 * Lua script, so two concurrent changes of a cart never overwrite each other: the loser reloads
 * and applies its change again.
 */
@ApplicationScoped
public class CartStore {

    /** KEYS[1] cart; ARGV: expected version ('' = must not exist), new version, json, ttl seconds. */
    private static final String COMPARE_AND_SET = """
            local v = redis.call('HGET', KEYS[1], 'v')
            if (v == false and ARGV[1] == '') or v == ARGV[1] then
              redis.call('HSET', KEYS[1], 'v', ARGV[2], 'json', ARGV[3])
              redis.call('EXPIRE', KEYS[1], ARGV[4])
              return 1
            end
            return 0""";

    public record Stored(long version, String json) {
    }

    @Inject
    ReactiveRedisDataSource redis;

    @ConfigProperty(name = "kassa.cart.ttl", defaultValue = "PT10H")
    Duration ttl;

    static String key(String tenantId, String cartId) {
        return "kassa:cart:" + tenantId + ":" + cartId;
    }

    public Uni<Optional<Stored>> load(String tenantId, String cartId) {
        return redis.execute("HMGET", key(tenantId, cartId), "v", "json").map(r -> {
            Response v = r.get(0);
            Response json = r.get(1);
            if (v == null || json == null) {
                return Optional.empty();
            }
            return Optional.of(new Stored(v.toLong(), json.toString()));
        });
    }

    /** Stores a new cart; false when the id is already taken. */
    public Uni<Boolean> create(String tenantId, String cartId, String json) {
        return compareAndSet(tenantId, cartId, "", 1, json);
    }

    /** Replaces the cart if it is still at {@code expectedVersion}; false when someone was faster. */
    public Uni<Boolean> replace(String tenantId, String cartId, long expectedVersion, String json) {
        return compareAndSet(tenantId, cartId, String.valueOf(expectedVersion), expectedVersion + 1, json);
    }

    private Uni<Boolean> compareAndSet(String tenantId, String cartId, String expected, long next, String json) {
        return redis.execute("EVAL", COMPARE_AND_SET, "1", key(tenantId, cartId), expected, String.valueOf(next),
                json, String.valueOf(ttl.toSeconds())).map(r -> r.toInteger() == 1);
    }
}
