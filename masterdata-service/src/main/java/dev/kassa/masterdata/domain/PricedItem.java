package dev.kassa.masterdata.domain;

import java.math.BigDecimal;

/** A common item with one store's price, if that store has one. */
public record PricedItem(Item item, StoreItem storeItem) {

    public BigDecimal storePrice() {
        return storeItem == null ? null : storeItem.storePrice;
    }

    /** What the item sells for in the store: the store's price, else the common unit price. */
    public BigDecimal price() {
        return storeItem == null ? item.unitPrice : storeItem.storePrice;
    }
}
