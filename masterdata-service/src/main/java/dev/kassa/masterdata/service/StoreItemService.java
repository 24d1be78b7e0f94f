package dev.kassa.masterdata.service;

import dev.kassa.common.api.PageRequest;
import dev.kassa.common.pg.TenantTx;
import dev.kassa.masterdata.domain.Item;
import dev.kassa.masterdata.domain.MasterDataErrors;
import dev.kassa.masterdata.domain.PricedItem;
import dev.kassa.masterdata.domain.StoreItem;
import dev.kassa.masterdata.domain.StoreItemKey;
import dev.kassa.masterdata.domain.Times;
import dev.kassa.masterdata.event.ChangeEvents;
import dev.kassa.masterdata.repository.Pages;
import dev.kassa.masterdata.rest.StoreItemCreate;
import dev.kassa.masterdata.rest.StoreItemUpdate;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.hibernate.reactive.mutiny.Mutiny;

import java.util.Map;
import java.util.Set;

/** Store prices of common items, and the merged item the cart prices with. */
@ApplicationScoped
public class StoreItemService {
    public static final String ENTITY = "store_item";
    public static final Set<String> SORTABLE = Set.of("item_code", "store_price", "entry_datetime",
            "last_update_datetime");

    @Inject
    TenantTx tx;

    @Inject
    ChangeEvents events;

    @Inject
    Pages pages;

    /** The item must exist (and not be deleted) in the common master. */
    public Uni<StoreItem> create(String tenantId, String storeCode, StoreItemCreate in) {
        return tx.run(tenantId, s -> ItemMasterService.find(s, in.itemCode(), false)
                .flatMap(item -> s.find(StoreItem.class, new StoreItemKey(storeCode, in.itemCode())))
                .flatMap(existing -> {
                    if (existing != null) {
                        return Uni.createFrom().failure(MasterDataErrors.exists(
                                "Item " + in.itemCode() + " of store " + storeCode));
                    }
                    StoreItem si = new StoreItem();
                    si.key = new StoreItemKey(storeCode, in.itemCode());
                    si.storePrice = in.storePrice();
                    si.entryDatetime = Times.now();
                    return s.persist(si).call(s::flush)
                            .call(() -> events.changed(s, tenantId, ENTITY, in.itemCode(), storeCode,
                                    ChangeEvents.CREATED))
                            .replaceWith(si);
                }));
    }

    public Uni<StoreItem> get(String tenantId, String storeCode, String itemCode) {
        return tx.run(tenantId, s -> find(s, storeCode, itemCode));
    }

    public Uni<Pages.Page<StoreItem>> list(String tenantId, String storeCode, PageRequest page) {
        return tx.run(tenantId, s -> pages.page(s, StoreItem.class, "store_item", " WHERE store_code = :store",
                Map.of("store", storeCode), page, "item_code", "item_code"));
    }

    public Uni<StoreItem> update(String tenantId, String storeCode, String itemCode, StoreItemUpdate in) {
        return tx.run(tenantId, s -> find(s, storeCode, itemCode).flatMap(si -> {
            si.storePrice = in.storePrice();
            si.lastUpdateDatetime = Times.now();
            return s.flush()
                    .call(() -> events.changed(s, tenantId, ENTITY, itemCode, storeCode, ChangeEvents.UPDATED))
                    .replaceWith(si);
        }));
    }

    public Uni<Void> delete(String tenantId, String storeCode, String itemCode) {
        return tx.run(tenantId, s -> find(s, storeCode, itemCode)
                .flatMap(si -> s.remove(si).call(s::flush))
                .call(() -> events.changed(s, tenantId, ENTITY, itemCode, storeCode, ChangeEvents.DELETED)));
    }

    /** The live common item with the store's price (none when the store has no price of its own). */
    public Uni<PricedItem> detail(String tenantId, String storeCode, String itemCode) {
        return tx.run(tenantId, s -> ItemMasterService.find(s, itemCode, false)
                .flatMap((Item item) -> s.find(StoreItem.class, new StoreItemKey(storeCode, itemCode))
                        .map(si -> new PricedItem(item, si))));
    }

    private static Uni<StoreItem> find(Mutiny.Session s, String storeCode, String itemCode) {
        return s.find(StoreItem.class, new StoreItemKey(storeCode, itemCode)).onItem().ifNull()
                .failWith(() -> MasterDataErrors.storePriceNotFound(storeCode, itemCode));
    }
}
