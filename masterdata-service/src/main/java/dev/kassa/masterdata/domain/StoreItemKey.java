package dev.kassa.masterdata.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.io.Serializable;
import java.util.Objects;

@Embeddable
public class StoreItemKey implements Serializable {
    @Column(name = "store_code")
    public String storeCode;

    @Column(name = "item_code")
    public String itemCode;

    public StoreItemKey() {
    }

    public StoreItemKey(String storeCode, String itemCode) {
        this.storeCode = storeCode;
        this.itemCode = itemCode;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof StoreItemKey k && Objects.equals(storeCode, k.storeCode)
                && Objects.equals(itemCode, k.itemCode);
    }

    @Override
    public int hashCode() {
        return Objects.hash(storeCode, itemCode);
    }
}
