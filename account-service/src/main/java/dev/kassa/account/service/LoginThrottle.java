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
 * Slows down password guessing per (tenant, username, client address), in Redis so every replica
 * sees the same state. The first {@code free-failures} failures cost nothing; each further one
 * makes that user from that address wait {@code base-delay}, doubling up to {@code max-delay},
 * before the next try is even looked at (429 with Retry-After). Failures are forgotten
 * {@code forget-after} past the last wait, and a correct password clears them. Because the client
 * address is part of the key, someone guessing from elsewhere never locks the real user out: the
 * user's own address keeps its full allowance. Each update is one Lua script using Redis' clock,
 * so replicas agree on the time. If Redis is unreachable, logins are not throttled (an error is
 * logged) rather than all refused.
 */
@ApplicationScoped
public class LoginThrottle {
    private static final Logger LOG = Logger.getLogger(LoginThrottle.class);
    static final String PREFIX = "account:login-failures:";

    private static final String NOW = """
            local t = redis.call('TIME')
            local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
            """;
    /** ARGV: free failures, base delay ms, max delay ms, forget after ms. Returns the wait now due. */
    private static final String RECORD = NOW + """
            local n = redis.call('HINCRBY', KEYS[1], 'n', 1)
            local free = tonumber(ARGV[1])
            local delay = 0
            if n > free then
              local steps = n - free - 1
              if steps > 40 then steps = 40 end
              delay = math.min(tonumber(ARGV[3]), tonumber(ARGV[2]) * (2 ^ steps))
              redis.call('HSET', KEYS[1], 'due', now + delay)
            end
            redis.call('PEXPIRE', KEYS[1], math.floor(tonumber(ARGV[4]) + delay))
            return math.floor(delay)""";
    /** Returns the milliseconds still to wait (0 when a try may be made). */
    private static final String WAIT = NOW + """
            local due = tonumber(redis.call('HGET', KEYS[1], 'due') or '0')
            if due > now then return due - now end
            return 0""";

    @Inject
    ReactiveRedisDataSource redis;

    @Inject
    AccountConfig config;

    /** Tenant ids cannot contain ':', so the key names exactly one (tenant, username, address). */
    public static String key(String tenantId, String username, String address) {
        return PREFIX + tenantId + ":" + address + ":" + username;
    }

    /** How long this user must wait before trying again from this address; empty when a try may be made. */
    public Uni<Optional<Duration>> waitFor(String tenantId, String username, String address) {
        return redis.execute("EVAL", WAIT, "1", key(tenantId, username, address))
                .map(r -> {
                    long ms = r.toLong();
                    return ms <= 0 ? Optional.<Duration>empty() : Optional.of(Duration.ofMillis(ms));
                })
                .onFailure().recoverWithItem(e -> {
                    LOG.errorf("Login throttle unavailable, not throttling: %s", e.getMessage());
                    return Optional.empty();
                });
    }

    /** Counts one failed login; returns the wait it earned (zero while failures are free). */
    public Uni<Duration> recordFailure(String tenantId, String username, String address) {
        var t = config.loginThrottle();
        return redis.execute("EVAL", RECORD, "1", key(tenantId, username, address),
                        Integer.toString(t.freeFailures()), Long.toString(t.baseDelay().toMillis()),
                        Long.toString(t.maxDelay().toMillis()), Long.toString(Math.max(1, t.forgetAfter().toMillis())))
                .map(Response::toLong)
                .map(Duration::ofMillis)
                .onFailure().recoverWithItem(e -> {
                    LOG.errorf("Login throttle unavailable, failure not counted: %s", e.getMessage());
                    return Duration.ZERO;
                });
    }

    public Uni<Void> reset(String tenantId, String username, String address) {
        return redis.execute("DEL", key(tenantId, username, address)).replaceWithVoid()
                .onFailure().recoverWithItem(e -> {
                    LOG.errorf("Login throttle unavailable, counter not reset: %s", e.getMessage());
                    return null;
                });
    }
}
