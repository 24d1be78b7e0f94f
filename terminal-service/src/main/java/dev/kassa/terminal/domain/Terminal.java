package dev.kassa.terminal.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.math.BigDecimal;
import java.time.Instant;

/** A store terminal and its business day. The API key is kept only as its SHA-256 and a short prefix. */
@Entity
@Table(name = "terminal")
public class Terminal extends PanacheEntityBase {
    @Id
    @Column(name = "terminal_id")
    public String terminalId;

    @Column(name = "store_code")
    public String storeCode;

    @Column(name = "terminal_no")
    public int terminalNo;

    public String description;

    @Column(name = "function_mode")
    public String functionMode;

    public String status;

    @Column(name = "business_date")
    public String businessDate;

    @Column(name = "open_counter")
    public int openCounter;

    @Column(name = "business_counter")
    public int businessCounter;

    @Column(name = "initial_amount")
    public BigDecimal initialAmount;

    @Column(name = "physical_amount")
    public BigDecimal physicalAmount;

    @Column(name = "staff_id")
    public String staffId;

    @Column(name = "staff_name")
    public String staffName;

    @Column(name = "api_key_hash")
    public String apiKeyHash;

    @Column(name = "api_key_prefix")
    public String apiKeyPrefix;

    @Column(name = "entry_datetime")
    public Instant entryDatetime;

    @Column(name = "last_update_datetime")
    public Instant lastUpdateDatetime;

    /** {@code tenant-store-terminalNo}, the id every service uses. */
    public static String id(String tenantId, String storeCode, int terminalNo) {
        return tenantId + "-" + storeCode + "-" + terminalNo;
    }

    public boolean isOpened() {
        return TerminalStatus.OPENED.equals(status);
    }

    public boolean isSignedIn() {
        return staffId != null;
    }

    public SessionCounters counters() {
        return new SessionCounters(businessDate, openCounter, businessCounter);
    }
}
