package dev.kassa.masterdata.service;

import dev.kassa.common.api.PageRequest;
import dev.kassa.common.pg.TenantTx;
import dev.kassa.masterdata.domain.Item;
import dev.kassa.masterdata.domain.MasterDataErrors;
import dev.kassa.masterdata.domain.Times;
import dev.kassa.masterdata.event.ChangeEvents;
import dev.kassa.masterdata.repository.JsonText;
import dev.kassa.masterdata.repository.Pages;
import dev.kassa.masterdata.rest.ItemCreate;
import dev.kassa.masterdata.rest.ItemUpdate;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.hibernate.reactive.mutiny.Mutiny;

import java.util.Map;
import java.util.Set;

/**
 * The common item master. A logically deleted item stays in the table (and keeps its code
 * taken) but is visible only to reads that ask for deleted items.
 */
@ApplicationScoped
public class ItemMasterService {
    public static final String ENTITY = "item";
    public static final Set<String> SORTABLE = Set.of("item_code", "description", "unit_price", "unit_cost",
            "category_code", "tax_code", "is_discount_restricted", "entry_datetime", "last_update_datetime");

    @Inject
    TenantTx tx;

    @Inject
    ChangeEvents events;

    @Inject
    Pages pages;

    @Inject
    JsonText json;

    public Uni<Item> create(String tenantId, ItemCreate in) {
        return tx.run(tenantId, s -> s.find(Item.class, in.itemCode()).flatMap(existing -> {
            if (existing != null) {
                return Uni.createFrom().failure(MasterDataErrors.exists("Item " + in.itemCode()
                        + (existing.deleted ? " (logically deleted)" : "")));
            }
            Item item = new Item();
            item.itemCode = in.itemCode();
            item.description = in.description();
            item.unitPrice = in.unitPrice();
            item.unitCost = in.unitCost();
            item.itemDetails = json.write(in.itemDetails());
            item.imageUrls = json.write(in.imageUrls());
            item.categoryCode = in.categoryCode();
            item.taxCode = in.taxCode();
            item.discountRestricted = Boolean.TRUE.equals(in.isDiscountRestricted());
            item.entryDatetime = Times.now();
            return s.persist(item).call(s::flush)
                    .call(() -> events.changed(s, tenantId, ENTITY, item.itemCode, ChangeEvents.CREATED))
                    .replaceWith(item);
        }));
    }

    /** The item if its deleted flag is {@code deleted}: live items normally, deleted ones on request. */
    public Uni<Item> get(String tenantId, String code, boolean deleted) {
        return tx.run(tenantId, s -> find(s, code, deleted));
    }

    public Uni<Pages.Page<Item>> list(String tenantId, PageRequest page, boolean deleted) {
        return tx.run(tenantId, s -> pages.page(s, Item.class, "item", " WHERE is_deleted = :deleted",
                Map.of("deleted", deleted), page, "item_code", "item_code"));
    }

    public Uni<Item> update(String tenantId, String code, ItemUpdate in) {
        return tx.run(tenantId, s -> find(s, code, false).flatMap(item -> {
            item.description = in.description();
            item.unitPrice = in.unitPrice();
            item.unitCost = in.unitCost();
            item.itemDetails = json.write(in.itemDetails());
            item.imageUrls = json.write(in.imageUrls());
            item.categoryCode = in.categoryCode();
            item.taxCode = in.taxCode();
            item.discountRestricted = Boolean.TRUE.equals(in.isDiscountRestricted());
            item.lastUpdateDatetime = Times.now();
            return s.flush().call(() -> events.changed(s, tenantId, ENTITY, code, ChangeEvents.UPDATED))
                    .replaceWith(item);
        }));
    }

    /** Logical: marks a live item deleted. Physical: removes the item, deleted or not. */
    public Uni<Void> delete(String tenantId, String code, boolean logical) {
        return tx.run(tenantId, s -> {
            Uni<Void> done;
            if (logical) {
                done = find(s, code, false).flatMap(item -> {
                    item.deleted = true;
                    item.lastUpdateDatetime = Times.now();
                    return s.flush();
                });
            } else {
                done = s.find(Item.class, code)
                        .onItem().ifNull().failWith(() -> MasterDataErrors.itemNotFound(code))
                        .flatMap(item -> s.remove(item).call(s::flush));
            }
            return done.call(() -> events.changed(s, tenantId, ENTITY, code, ChangeEvents.DELETED));
        });
    }

    static Uni<Item> find(Mutiny.Session s, String code, boolean deleted) {
        return s.find(Item.class, code)
                .map(item -> item != null && item.deleted == deleted ? item : null)
                .onItem().ifNull().failWith(() -> MasterDataErrors.itemNotFound(code));
    }
}
