package dev.kassa.cart.service;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.kassa.cart.client.Credentials;
import dev.kassa.cart.client.ItemDetail;
import dev.kassa.cart.client.MasterDataItems;
import dev.kassa.common.api.ApiException;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.time.Duration;

/**
 * Items as the cart sells them: from a Redis cache shared by the cart's replicas, else from
 * master data. Entries live long ({@code kassa.cart.item-cache-ttl}) because every change in
 * master data evicts them at once ({@code pos.masterdata}); so cached items keep selling while
 * master data is down, and an uncached one fails fast with a 503 once the breaker is open.
 */
@ApplicationScoped
public class ItemCatalog {
    private static final Logger LOG = Logger.getLogger(ItemCatalog.class);
    public static final String ITEM_NOT_FOUND = "402001";
    public static final String MASTER_DATA_UNAVAILABLE = "601001";

    @Inject
    MasterDataItems masterData;

    @Inject
    ReactiveRedisDataSource redis;

    @Inject
    ObjectMapper mapper;

    @ConfigProperty(name = "kassa.cart.item-cache-ttl", defaultValue = "P1D")
    Duration ttl;

    private ObjectReader reader;
    private ObjectWriter writer;

    @PostConstruct
    void init() {
        reader = mapper.readerFor(ItemDetail.class);
        writer = mapper.writerFor(ItemDetail.class);
    }

    /** One hash per tenant and item code, a field per store: a change of the item drops them all. */
    public static String cacheKey(String tenantId, String itemCode) {
        return "kassa:cart:item:" + tenantId + ":" + itemCode;
    }

    public Uni<ItemDetail> item(String tenantId, String storeCode, String itemCode, Credentials credentials) {
        return redis.getRedis().send(cached(tenantId, storeCode, itemCode))
                .onFailure().recoverWithNull()
                .flatMap(cached -> item(tenantId, storeCode, itemCode, credentials, cached));
    }

    /** The read of a cached item, to be sent along with other commands ({@code HGET}: null when not cached). */
    public static Request cached(String tenantId, String storeCode, String itemCode) {
        return Request.cmd(Command.HGET).arg(cacheKey(tenantId, itemCode)).arg(storeCode);
    }

    /** The item from the answer to {@link #cached}, else from master data (and then cached). */
    public Uni<ItemDetail> item(String tenantId, String storeCode, String itemCode, Credentials credentials,
                                Response cached) {
        String key = cacheKey(tenantId, itemCode);
        if (cached != null) {
            try {
                return Uni.createFrom().item((ItemDetail) reader.readValue(cached.toBytes()));
            } catch (Exception e) {
                LOG.warnf("Dropping an unreadable cached item %s: %s", key, e.getMessage());
            }
        }
        return fetch(tenantId, storeCode, itemCode, credentials, key);
    }

    private Uni<ItemDetail> fetch(String tenantId, String storeCode, String itemCode, Credentials credentials,
                                  String key) {
        return masterData.item(tenantId, storeCode, itemCode, credentials)
                .onFailure(t -> !(t instanceof ApiException)).transform(t -> {
                    LOG.warnf("Master data unavailable for item %s: %s", itemCode, t.toString());
                    return ApiException.unavailable(MASTER_DATA_UNAVAILABLE,
                            "Master data is unavailable and item " + itemCode + " is not cached");
                })
                .flatMap(found -> {
                    ItemDetail item = found.orElseThrow(() -> ApiException.notFound(ITEM_NOT_FOUND,
                            "Item " + itemCode + " not found"));
                    return remember(key, storeCode, item).replaceWith(item);
                });
    }

    private Uni<Void> remember(String key, String storeCode, ItemDetail item) {
        String json;
        try {
            json = writer.writeValueAsString(item);
        } catch (Exception e) {
            return Uni.createFrom().voidItem();
        }
        return redis.hash(String.class).hset(key, storeCode, json)
                .flatMap(ignored -> redis.key(String.class).expire(key, ttl))
                .replaceWithVoid()
                .onFailure().recoverWithNull();
    }

    public Uni<Void> evict(String tenantId, String itemCode) {
        return redis.key(String.class).del(cacheKey(tenantId, itemCode)).replaceWithVoid();
    }
}
