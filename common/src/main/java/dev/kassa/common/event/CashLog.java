package dev.kassa.common.event;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;

import java.math.BigDecimal;

/**
 * A cash movement of a terminal on {@code pos.cashlog}: the opening float, cash in (positive) or
 * cash out (negative). {@code event_type} is {@code cash_in_out}.
 * <p>
 * A credit repayment is a cash in tied to a customer: it carries {@code customer_code} and
 * {@code repayment_id} (the ledger posts it once under that id). Both are left out of the record
 * for a plain cash movement, which stays Kugel's record. A repayment taken in the back office
 * rather than at a till has {@code terminal_no} 0.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record CashLog(
        String eventId,
        String eventType,
        String tenantId,
        String storeCode,
        String storeName,
        int terminalNo,
        String staffId,
        String staffName,
        String businessDate,
        int openCounter,
        int businessCounter,
        String generateDateTime,
        BigDecimal amount,
        String description,
        String receiptText,
        String journalText,
        @JsonInclude(JsonInclude.Include.NON_NULL) String customerCode,
        @JsonInclude(JsonInclude.Include.NON_NULL) String repaymentId) {

    public static final String EVENT_TYPE = "cash_in_out";
    /** The terminal number of a cash movement made in the back office, not at a till. */
    public static final int BACK_OFFICE = 0;

    /** Read with every field (there are two constructors). */
    @JsonCreator
    public CashLog {
    }

    /** A plain cash movement, tied to no customer. */
    public CashLog(String eventId, String eventType, String tenantId, String storeCode, String storeName,
                   int terminalNo, String staffId, String staffName, String businessDate, int openCounter,
                   int businessCounter, String generateDateTime, BigDecimal amount, String description,
                   String receiptText, String journalText) {
        this(eventId, eventType, tenantId, storeCode, storeName, terminalNo, staffId, staffName, businessDate,
                openCounter, businessCounter, generateDateTime, amount, description, receiptText, journalText,
                null, null);
    }
}
