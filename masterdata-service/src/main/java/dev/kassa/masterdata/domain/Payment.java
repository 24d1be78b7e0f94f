package dev.kassa.masterdata.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;

/** A means of payment (cash, cashless, ...) and what it allows. */
@Entity
@Table(name = "payment")
public class Payment {
    @Id
    @Column(name = "payment_code")
    public String paymentCode;

    @Column(name = "description", nullable = false)
    public String description;

    @Column(name = "limit_amount", nullable = false)
    public BigDecimal limitAmount;

    @Column(name = "can_refund", nullable = false)
    public boolean canRefund;

    @Column(name = "can_deposit_over", nullable = false)
    public boolean canDepositOver;

    @Column(name = "can_change", nullable = false)
    public boolean canChange;

    @Column(name = "is_active", nullable = false)
    public boolean active;

    @Column(name = "entry_datetime", nullable = false)
    public Instant entryDatetime;

    @Column(name = "last_update_datetime")
    public Instant lastUpdateDatetime;
}
