package dev.kassa.masterdata.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A customer of the shop: who buys on credit (up to {@link #creditLimit}) and collects loyalty points.
 * The balances are not here but in the ledger ({@code ledger_account}), which only the ledger writes.
 * An erased customer keeps the code and the ledger; the personal fields are gone.
 */
@Entity
@Table(name = "customer")
public class Customer {
    public static final String ERASED_NAME = "(erased)";

    @Id
    @Column(name = "customer_code")
    public String customerCode;

    @Column(name = "name", nullable = false)
    public String name;

    @Column(name = "phone")
    public String phone;

    @Column(name = "email")
    public String email;

    @Column(name = "loyalty_tier", nullable = false)
    public String loyaltyTier;

    @Column(name = "credit_limit", nullable = false)
    public BigDecimal creditLimit;

    @Column(name = "is_erased", nullable = false)
    public boolean erased;

    @Column(name = "entry_datetime", nullable = false)
    public Instant entryDatetime;

    @Column(name = "last_update_datetime")
    public Instant lastUpdateDatetime;

    /** The right to be forgotten: personal fields go, the code (and with it the ledger) stays. */
    public void erase() {
        name = ERASED_NAME;
        phone = null;
        email = null;
        erased = true;
    }
}
