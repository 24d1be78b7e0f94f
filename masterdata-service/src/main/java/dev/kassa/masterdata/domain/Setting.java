package dev.kassa.masterdata.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A named setting: a default and values for a store or a store's terminal. */
@Entity
@Table(name = "setting")
public class Setting {
    @Id
    @Column(name = "name")
    public String name;

    @Column(name = "default_value", nullable = false)
    public String defaultValue;

    /** JSON array of {@link SettingValue}. */
    @Column(name = "setting_values", nullable = false)
    public String values;

    @Column(name = "entry_datetime", nullable = false)
    public Instant entryDatetime;

    @Column(name = "last_update_datetime")
    public Instant lastUpdateDatetime;
}
