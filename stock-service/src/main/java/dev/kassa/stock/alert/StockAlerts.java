package dev.kassa.stock.alert;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kassa.stock.config.StockConfig;
import dev.kassa.stock.domain.AlertType;
import dev.kassa.stock.domain.StockLevel;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Raises stock alerts after a committed change. The cooldown per (tenant, store, item, alert
 * type) is a Redis key set with NX and an expiry, so whichever replica made the change, only
 * the first change within the cooldown alerts. The alert is then published on one Redis
 * channel; every replica (this one included) hears it once and hands it to its own clients of
 * that tenant and store, so a client on any replica gets it exactly once. Failures here are
 * logged and never undo or fail the stock change.
 */
@ApplicationScoped
public class StockAlerts {
    private static final Logger LOG = Logger.getLogger(StockAlerts.class);

    @Inject
    ReactiveRedisDataSource redis;
    @Inject
    ObjectMapper mapper;
    @Inject
    StockConfig config;
    @Inject
    Clock clock;

    public static String cooldownKey(String tenant, String store, String item, AlertType type) {
        return "kassa:stock:alert-cooldown:" + tenant + ":" + store + ":" + item + ":" + type.wire();
    }

    /**
     * Checks levels in the order the changes left them. Only the first level of an item in an alert
     * state can alert (any later one falls in its cooldown), so the rest are not asked of Redis.
     */
    public Uni<Void> check(String tenant, List<StockLevel> levels) {
        Map<String, Candidate> candidates = new LinkedHashMap<>();
        for (StockLevel level : levels) {
            if (level.needsReorder()) {
                candidates.putIfAbsent(cooldownKey(tenant, level.storeCode(), level.itemCode(), AlertType.REORDER_POINT),
                        new Candidate(level, AlertType.REORDER_POINT));
            }
            if (level.belowMinimum()) {
                candidates.putIfAbsent(cooldownKey(tenant, level.storeCode(), level.itemCode(), AlertType.MINIMUM_STOCK),
                        new Candidate(level, AlertType.MINIMUM_STOCK));
            }
        }
        if (candidates.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return Multi.createFrom().iterable(candidates.values())
                .onItem().transformToUniAndConcatenate(c -> raise(tenant, c))
                .collect().last()
                .replaceWithVoid();
    }

    private record Candidate(StockLevel level, AlertType type) {
    }

    private Uni<Void> raise(String tenant, Candidate c) {
        String key = cooldownKey(tenant, c.level().storeCode(), c.level().itemCode(), c.type());
        long seconds = Math.max(1, config.alert().cooldown().toSeconds());
        return redis.execute("SET", key, "1", "NX", "EX", Long.toString(seconds))
                .flatMap(reply -> {
                    if (reply == null) {
                        return Uni.createFrom().voidItem(); // cooling down: another change already alerted
                    }
                    String message = AlertMessages.alert(mapper, tenant, c.level(), c.type(), OffsetDateTime.now(clock));
                    return publish(message);
                })
                .onFailure().recoverWithItem(e -> {
                    LOG.warnf("Stock alert %s for %s/%s/%s not sent: %s", c.type().wire(), tenant,
                            c.level().storeCode(), c.level().itemCode(), e.toString());
                    return null;
                });
    }

    /** Puts an alert on the channel every replica listens to. */
    public Uni<Void> publish(String message) {
        return redis.pubsub(String.class).publish(config.alert().channel(), message);
    }
}
