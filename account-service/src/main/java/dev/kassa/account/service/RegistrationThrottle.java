package dev.kassa.account.service;

import dev.kassa.account.config.AccountConfig;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.Optional;

/**
 * Tenant registrations per client address: at most {@code max-per-address} tries (good or bad)
 * in a fixed window counted in Redis, shared by the replicas. Each tenant costs a schema, so an
 * address that registers in bulk waits for the window to end (429 with Retry-After). If Redis is
 * unreachable, registrations are not throttled (an error is logged).
 */
@ApplicationScoped
public class RegistrationThrottle {
    private static final Logger LOG = Logger.getLogger(RegistrationThrottle.class);
    static final String PREFIX = "account:registrations:";

    private static final String COUNT = """
            local n = redis.call('INCR', KEYS[1])
            if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
            local ttl = redis.call('PTTL', KEYS[1])
            if ttl < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]); ttl = tonumber(ARGV[1]) end
            return {n, ttl}""";

    @Inject
    ReactiveRedisDataSource redis;

    @Inject
    AccountConfig config;

    /** Counts one registration from the address; the wait when it is one too many. */
    public Uni<Optional<Duration>> tryOne(String address) {
        var t = config.registrationThrottle();
        return redis.execute("EVAL", COUNT, "1", PREFIX + address, Long.toString(Math.max(1, t.window().toMillis())))
                .map(r -> r.get(0).toLong() > t.maxPerAddress()
                        ? Optional.of(Duration.ofMillis(Math.max(1, r.get(1).toLong())))
                        : Optional.<Duration>empty())
                .onFailure().recoverWithItem(e -> {
                    LOG.errorf("Registration throttle unavailable, not throttling: %s", e.getMessage());
                    return Optional.empty();
                });
    }
}
