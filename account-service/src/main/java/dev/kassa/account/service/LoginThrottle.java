package dev.kassa.account.service;

import dev.kassa.account.config.AccountConfig;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Response;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.Optional;

/**
 * Counts failed logins per (tenant, username) in Redis, so every replica sees the same count.
 * Each failure (re)starts the counter's expiry of one window: failures that follow each other
 * within the window add up, and once {@code max-failures} are reached every login of that user
 * is refused (right password or not, without looking at it) until a whole window has passed
 * since the last failure. A correct login deletes the counter. Each update is one Lua script, so
 * a counter never stays without its expiry. If Redis is unreachable, logins are not throttled
 * (and an error is logged) rather than all refused.
 */
@ApplicationScoped
public class LoginThrottle {
    private static final Logger LOG = Logger.getLogger(LoginThrottle.class);
    static final String PREFIX = "account:login-failures:";

    private static final String RECORD = """
            local n = redis.call('INCR', KEYS[1])
            redis.call('PEXPIRE', KEYS[1], ARGV[1])
            return n""";
    private static final String STATE = """
            local n = tonumber(redis.call('GET', KEYS[1]) or '0')
            local ttl = redis.call('PTTL', KEYS[1])
            if n >= tonumber(ARGV[2]) and ttl == -1 then
              redis.call('PEXPIRE', KEYS[1], ARGV[1])
              ttl = tonumber(ARGV[1])
            end
            return {n, ttl}""";

    @Inject
    ReactiveRedisDataSource redis;

    @Inject
    AccountConfig config;

    /** Tenant ids cannot contain ':', so the key names exactly one (tenant, username). */
    public static String key(String tenantId, String username) {
        return PREFIX + tenantId + ":" + username;
    }

    /** How long logins of this user stay refused; empty when a login may be tried. */
    public Uni<Optional<Duration>> lockedFor(String tenantId, String username) {
        return redis.execute("EVAL", STATE, "1", key(tenantId, username), windowMillis(), maxFailures())
                .map(r -> {
                    long failures = r.get(0).toLong();
                    long ttl = r.get(1).toLong();
                    if (failures < config.loginThrottle().maxFailures()) {
                        return Optional.<Duration>empty();
                    }
                    return Optional.of(Duration.ofMillis(Math.max(ttl, 1)));
                })
                .onFailure().recoverWithItem(e -> {
                    LOG.errorf("Login throttle unavailable, not throttling: %s", e.getMessage());
                    return Optional.empty();
                });
    }

    /** Counts one failed login; returns the failures counted so far (0 when Redis failed). */
    public Uni<Long> recordFailure(String tenantId, String username) {
        return redis.execute("EVAL", RECORD, "1", key(tenantId, username), windowMillis())
                .map(Response::toLong)
                .onFailure().recoverWithItem(e -> {
                    LOG.errorf("Login throttle unavailable, failure not counted: %s", e.getMessage());
                    return 0L;
                });
    }

    public Uni<Void> reset(String tenantId, String username) {
        return redis.execute("DEL", key(tenantId, username)).replaceWithVoid()
                .onFailure().recoverWithItem(e -> {
                    LOG.errorf("Login throttle unavailable, counter not reset: %s", e.getMessage());
                    return null;
                });
    }

    private String windowMillis() {
        return Long.toString(Math.max(1, config.loginThrottle().window().toMillis()));
    }

    private String maxFailures() {
        return Integer.toString(config.loginThrottle().maxFailures());
    }
}
