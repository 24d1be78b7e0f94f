package dev.kassa.cart.repository;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Live carts in Redis, one hash per cart ({@code v} = version, {@code json} = the cart), expiring
 * after {@code kassa.cart.ttl} of inactivity. Writes are compare-and-set on the version in one
 * Lua script, so two concurrent changes of a cart never overwrite each other: the loser reloads
 * and applies its change again. The script is sent by its SHA (EVALSHA); only a Redis that does
 * not know it yet (new, restarted, flushed) gets the text once (EVAL, which also caches it).
 */
@ApplicationScoped
public class CartStore {

    /** KEYS[1] cart; ARGV: expected version ('' = must not exist), new version, json, ttl seconds. */
    static final String COMPARE_AND_SET = """
            local v = redis.call('HGET', KEYS[1], 'v')
            if (v == false and ARGV[1] == '') or v == ARGV[1] then
              redis.call('HSET', KEYS[1], 'v', ARGV[2], 'json', ARGV[3])
              redis.call('EXPIRE', KEYS[1], ARGV[4])
              return 1
            end
            return 0""";
    static final String COMPARE_AND_SET_SHA = sha1(COMPARE_AND_SET);

    /** A stored cart: its version and its JSON as Redis holds it. */
    public record Stored(long version, byte[] json) {
    }

    /** A cart read together with other keys in one round trip. */
    public record Along(Optional<Stored> cart, List<Response> others) {
    }

    @Inject
    ReactiveRedisDataSource redis;

    @ConfigProperty(name = "kassa.cart.ttl", defaultValue = "PT10H")
    Duration ttl;

    private String ttlSeconds;

    @PostConstruct
    void init() {
        ttlSeconds = String.valueOf(ttl.toSeconds());
    }

    static String key(String tenantId, String cartId) {
        return "kassa:cart:" + tenantId + ":" + cartId;
    }

    private static Request hmget(String tenantId, String cartId) {
        return Request.cmd(Command.HMGET).arg(key(tenantId, cartId)).arg("v").arg("json");
    }

    public Uni<Optional<Stored>> load(String tenantId, String cartId) {
        return redis.getRedis().send(hmget(tenantId, cartId)).map(CartStore::stored);
    }

    /**
     * The cart and the answers to {@code others}, pipelined in one round trip (an add-item reads its
     * cached items with the cart).
     */
    public Uni<Along> load(String tenantId, String cartId, List<Request> others) {
        if (others.isEmpty()) {
            return load(tenantId, cartId).map(cart -> new Along(cart, List.of()));
        }
        List<Request> batch = new ArrayList<>(others.size() + 1);
        batch.add(hmget(tenantId, cartId));
        batch.addAll(others);
        return redis.getRedis().batch(batch)
                .map(r -> new Along(stored(r.get(0)), r.subList(1, r.size())));
    }

    private static Optional<Stored> stored(Response r) {
        Response v = r.get(0);
        Response json = r.get(1);
        if (v == null || json == null) {
            return Optional.empty();
        }
        return Optional.of(new Stored(v.toLong(), json.toBytes()));
    }

    /** Stores a new cart; false when the id is already taken. */
    public Uni<Boolean> create(String tenantId, String cartId, byte[] json) {
        return compareAndSet(tenantId, cartId, "", 1, json);
    }

    /** Replaces the cart if it is still at {@code expectedVersion}; false when someone was faster. */
    public Uni<Boolean> replace(String tenantId, String cartId, long expectedVersion, byte[] json) {
        return compareAndSet(tenantId, cartId, String.valueOf(expectedVersion), expectedVersion + 1, json);
    }

    private Uni<Boolean> compareAndSet(String tenantId, String cartId, String expected, long next, byte[] json) {
        String key = key(tenantId, cartId);
        return redis.getRedis().send(compareAndSet(Command.EVALSHA, COMPARE_AND_SET_SHA, key, expected, next, json))
                .onFailure(CartStore::isNoScript).recoverWithUni(() -> redis.getRedis()
                        .send(compareAndSet(Command.EVAL, COMPARE_AND_SET, key, expected, next, json)))
                .map(r -> r.toInteger() == 1);
    }

    private Request compareAndSet(Command command, String script, String key, String expected, long next,
                                  byte[] json) {
        return Request.cmd(command).arg(script).arg(1).arg(key).arg(expected).arg(next).arg(json).arg(ttlSeconds);
    }

    static boolean isNoScript(Throwable t) {
        return t.getMessage() != null && t.getMessage().startsWith("NOSCRIPT");
    }

    private static String sha1(String script) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1")
                    .digest(script.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
