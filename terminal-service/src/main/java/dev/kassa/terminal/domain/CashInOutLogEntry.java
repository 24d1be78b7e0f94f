package dev.kassa.terminal.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * A cash movement of a terminal: the opening float, cash in (positive) or cash out (negative). A cash in
 * tied to a customer is a repayment of the customer's store credit.
 */
@Entity
@Table(name = "cash_in_out_log")
public class CashInOutLogEntry extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "event_id")
    public UUID eventId;

    @Column(name = "store_code")
    public String storeCode;

    @Column(name = "terminal_no")
    public int terminalNo;

    @Column(name = "staff_id")
    public String staffId;

    @Column(name = "staff_name")
    public String staffName;

    @Column(name = "business_date")
    public String businessDate;

    @Column(name = "open_counter")
    public int openCounter;

    @Column(name = "business_counter")
    public int businessCounter;

    @Column(name = "generate_date_time")
    public String generateDateTime;

    public BigDecimal amount;

    public String description;

    @Column(name = "receipt_text")
    public String receiptText;

    @Column(name = "journal_text")
    public String journalText;

    /** The customer whose credit a repayment pays back; null for a plain cash movement. */
    @Column(name = "customer_code")
    public String customerCode;

    /** The id the customer's ledger posts a repayment under; null for a plain cash movement. */
    @Column(name = "repayment_id")
    public String repaymentId;
}
