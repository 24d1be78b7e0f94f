package dev.kassa.masterdata.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;

/** An item of the tenant's common item master, shared by every store. */
@Entity
@Table(name = "item")
public class Item {
    @Id
    @Column(name = "item_code")
    public String itemCode;

    @Column(name = "description", nullable = false)
    public String description;

    @Column(name = "unit_price", nullable = false)
    public BigDecimal unitPrice;

    @Column(name = "unit_cost", nullable = false)
    public BigDecimal unitCost;

    /** JSON array of strings. */
    @Column(name = "item_details", nullable = false)
    public String itemDetails;

    /** JSON array of strings. */
    @Column(name = "image_urls", nullable = false)
    public String imageUrls;

    @Column(name = "category_code", nullable = false)
    public String categoryCode;

    @Column(name = "tax_code", nullable = false)
    public String taxCode;

    @Column(name = "is_discount_restricted", nullable = false)
    public boolean discountRestricted;

    /** Logically deleted: kept, but invisible to normal reads and to the cart. */
    @Column(name = "is_deleted", nullable = false)
    public boolean deleted;

    @Column(name = "entry_datetime", nullable = false)
    public Instant entryDatetime;

    @Column(name = "last_update_datetime")
    public Instant lastUpdateDatetime;
}
