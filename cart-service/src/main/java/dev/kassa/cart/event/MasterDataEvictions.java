package dev.kassa.cart.event;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kassa.cart.service.ItemCatalog;
import dev.kassa.cart.service.MasterConfig;
import dev.kassa.common.event.ConsumerPolicy;
import dev.kassa.common.event.EventEnvelope;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Drops cached items as soon as master data says they changed. The cache is shared in Redis, so
 * one consumer group (the cart service's) is enough for every replica. While Redis is away an
 * eviction waits for it ({@link ConsumerPolicy}).
 */
@ApplicationScoped
public class MasterDataEvictions {
    static final String CHANNEL = "masterdata";

    @Inject
    ObjectMapper mapper;

    @Inject
    ItemCatalog catalog;

    @Inject
    MasterConfig master;

    /** Entities whose change drops the tenant's cached payments, taxes, promotions and settings. */
    static final java.util.Set<String> CONFIG_ENTITIES = java.util.Set.of("payment", "setting", "settings",
            "promotion", "tax", "category");

    @Inject
    ConsumerPolicy policy;

    @Incoming(CHANNEL)
    public Uni<Void> consume(ConsumerRecord<String, String> record) {
        return policy.process(CHANNEL, record, () -> evict(record.value()));
    }

    private Uni<Void> evict(String record) {
        return Uni.createFrom().item(() -> EventEnvelope.parse(mapper, record)).flatMap(event -> {
            String entity = event.body().path("entity").asText("");
            String code = event.body().path("code").asText("");
            if ((entity.equals("item") || entity.equals("store_item")) && !code.isEmpty()) {
                return catalog.evict(event.tenantId(), code);
            }
            if (CONFIG_ENTITIES.contains(entity) && event.tenantId() != null) {
                return master.evict(event.tenantId());
            }
            return Uni.createFrom().voidItem();
        });
    }
}
