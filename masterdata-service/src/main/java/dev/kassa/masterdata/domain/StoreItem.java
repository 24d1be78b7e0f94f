package dev.kassa.masterdata.domain;

import jakarta.persistence.Column;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;

/** A store's own price for an item of the common master. */
@Entity
@Table(name = "store_item")
public class StoreItem {
    @EmbeddedId
    public StoreItemKey key;

    @Column(name = "store_price", nullable = false)
    public BigDecimal storePrice;

    @Column(name = "entry_datetime", nullable = false)
    public Instant entryDatetime;

    @Column(name = "last_update_datetime")
    public Instant lastUpdateDatetime;
}
