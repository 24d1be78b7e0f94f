package dev.kassa.masterdata.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A member of staff who signs in at terminals. The PIN is kept only as a bcrypt hash. */
@Entity
@Table(name = "staff")
public class Staff {
    @Id
    @Column(name = "id")
    public String id;

    @Column(name = "name", nullable = false)
    public String name;

    @Column(name = "pin_hash", nullable = false)
    public String pinHash;

    /** JSON array of role names. */
    @Column(name = "roles", nullable = false)
    public String roles;

    @Column(name = "entry_datetime", nullable = false)
    public Instant entryDatetime;

    @Column(name = "last_update_datetime")
    public Instant lastUpdateDatetime;
}
