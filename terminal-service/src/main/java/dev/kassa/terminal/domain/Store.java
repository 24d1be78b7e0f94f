package dev.kassa.terminal.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.List;

/** A store of the tenant. */
@Entity
@Table(name = "store")
public class Store extends PanacheEntityBase {
    public static final String IDLE = "Idle";

    @Id
    @Column(name = "store_code")
    public String storeCode;

    @Column(name = "store_name")
    public String storeName;

    public String status;

    @Column(name = "business_date")
    public String businessDate;

    @Convert(converter = StringListConverter.class)
    public List<String> tags;

    @Column(name = "entry_datetime")
    public Instant entryDatetime;

    @Column(name = "last_update_datetime")
    public Instant lastUpdateDatetime;
}
