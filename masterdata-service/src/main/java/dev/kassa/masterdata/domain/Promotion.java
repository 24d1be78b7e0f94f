package dev.kassa.masterdata.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A time-boxed promotion, e.g. a percentage off some categories in some stores. */
@Entity
@Table(name = "promotion")
public class Promotion {
    @Id
    @Column(name = "promotion_code")
    public String promotionCode;

    @Column(name = "promotion_type", nullable = false)
    public String promotionType;

    @Column(name = "name", nullable = false)
    public String name;

    @Column(name = "description")
    public String description;

    @Column(name = "start_datetime", nullable = false)
    public Instant startDatetime;

    @Column(name = "end_datetime", nullable = false)
    public Instant endDatetime;

    @Column(name = "is_active", nullable = false)
    public boolean active;

    /** JSON of {@link PromotionDetail}, or null. */
    @Column(name = "detail")
    public String detail;

    /** Deleted promotions are kept (Kugel deletes them logically) but never shown. */
    @Column(name = "is_deleted", nullable = false)
    public boolean deleted;

    @Column(name = "entry_datetime", nullable = false)
    public Instant entryDatetime;

    @Column(name = "last_update_datetime")
    public Instant lastUpdateDatetime;
}
