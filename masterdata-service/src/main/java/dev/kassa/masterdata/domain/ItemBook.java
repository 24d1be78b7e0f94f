package dev.kassa.masterdata.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** The layout of a POS item screen: categories, their tabs, and item buttons on a grid. */
@Entity
@Table(name = "item_book")
public class ItemBook {
    @Id
    @Column(name = "item_book_id")
    public String itemBookId;

    @Column(name = "title", nullable = false)
    public String title;

    /** JSON array of {@link BookLayout.BookCategory}. */
    @Column(name = "categories", nullable = false)
    public String categories;

    @Column(name = "entry_datetime", nullable = false)
    public Instant entryDatetime;

    @Column(name = "last_update_datetime")
    public Instant lastUpdateDatetime;
}
