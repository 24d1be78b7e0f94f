package dev.kassa.stock.alert;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kassa.stock.config.StockConfig;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.pubsub.ReactivePubSubCommands;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.websockets.next.WebSocketConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The WebSocket clients connected to this replica, by tenant and store, and this replica's
 * subscription to the alert channel: each alert heard there goes to the local clients of its
 * tenant and store, and to no one else.
 */
@ApplicationScoped
public class AlertHub {
    private static final Logger LOG = Logger.getLogger(AlertHub.class);

    @Inject
    ReactiveRedisDataSource redis;
    @Inject
    ObjectMapper mapper;
    @Inject
    StockConfig config;

    private final Map<String, Set<WebSocketConnection>> clients = new ConcurrentHashMap<>();
    private volatile ReactivePubSubCommands.ReactiveRedisSubscriber subscriber;

    void onStart(@Observes StartupEvent event) {
        try {
            subscriber = redis.pubsub(String.class).subscribe(config.alert().channel(), this::deliver)
                    .await().atMost(Duration.ofSeconds(30));
            LOG.infof("Listening for stock alerts on Redis channel %s", config.alert().channel());
        } catch (RuntimeException e) {
            // Alerts stay off on this replica until it restarts; stock itself keeps working.
            LOG.errorf("Cannot subscribe to the stock alert channel: %s", e.toString());
        }
    }

    void onStop(@Observes ShutdownEvent event) {
        if (subscriber != null) {
            subscriber.unsubscribe().subscribe().with(ok -> { }, e -> { });
        }
    }

    private static String key(String tenant, String store) {
        return tenant + "\n" + store;
    }

    public void add(String tenant, String store, WebSocketConnection connection) {
        clients.computeIfAbsent(key(tenant, store), k -> ConcurrentHashMap.newKeySet()).add(connection);
    }

    public void remove(String tenant, String store, WebSocketConnection connection) {
        Set<WebSocketConnection> set = clients.get(key(tenant, store));
        if (set != null) {
            set.remove(connection);
        }
    }

    public int connected(String tenant, String store) {
        Set<WebSocketConnection> set = clients.get(key(tenant, store));
        return set == null ? 0 : set.size();
    }

    /** An alert heard on the channel: to every open local client of its tenant and store. */
    void deliver(String message) {
        JsonNode alert;
        try {
            alert = mapper.readTree(message);
        } catch (Exception e) {
            LOG.warnf("Ignoring a message on the alert channel that is not JSON");
            return;
        }
        String tenant = alert.path("tenant_id").asText("");
        String store = alert.path("store_code").asText("");
        Set<WebSocketConnection> set = clients.get(key(tenant, store));
        if (set == null) {
            return;
        }
        for (WebSocketConnection c : set) {
            if (c.isOpen()) {
                c.sendText(message).subscribe().with(ok -> { },
                        e -> LOG.debugf("Alert not sent to connection %s: %s", c.id(), e.toString()));
            } else {
                set.remove(c);
            }
        }
    }
}
