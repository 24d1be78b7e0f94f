package dev.kassa.masterdata.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A sales category of items, with the tax code its items default to. */
@Entity
@Table(name = "category")
public class Category {
    @Id
    @Column(name = "category_code")
    public String categoryCode;

    @Column(name = "description", nullable = false)
    public String description;

    @Column(name = "description_short", nullable = false)
    public String descriptionShort;

    @Column(name = "tax_code", nullable = false)
    public String taxCode;

    @Column(name = "entry_datetime", nullable = false)
    public Instant entryDatetime;

    @Column(name = "last_update_datetime")
    public Instant lastUpdateDatetime;
}
