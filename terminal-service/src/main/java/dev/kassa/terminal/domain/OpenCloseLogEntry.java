package dev.kassa.terminal.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.UUID;

/** An open or a close of a terminal; a close carries the counts the daily report verifies. */
@Entity
@Table(name = "open_close_log")
public class OpenCloseLogEntry extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "event_id")
    public UUID eventId;

    @Column(name = "store_code")
    public String storeCode;

    @Column(name = "terminal_no")
    public int terminalNo;

    public String operation;

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

    @Column(name = "cart_transaction_count")
    public Integer cartTransactionCount;

    @Column(name = "cart_transaction_last_no")
    public Long cartTransactionLastNo;

    @Column(name = "cash_in_out_count")
    public Integer cashInOutCount;

    @Column(name = "cash_in_out_last_datetime")
    public String cashInOutLastDatetime;

    @Column(name = "receipt_text")
    public String receiptText;

    @Column(name = "journal_text")
    public String journalText;
}
