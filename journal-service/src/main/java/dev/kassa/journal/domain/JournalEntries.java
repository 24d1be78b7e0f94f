package dev.kassa.journal.domain;

import dev.kassa.common.event.CashLog;
import dev.kassa.common.event.OpenCloseLog;
import dev.kassa.common.event.TranLog;
import dev.kassa.common.tenant.TenantIds;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;

/** Turns each kind of log into its journal entry (Kugel's mapping), refusing logs that make no entry. */
public final class JournalEntries {

    private JournalEntries() {
    }

    /** amount = total with tax, quantity = total quantity; a cancelled sale is -101. */
    public static JournalEntry fromTranlog(String eventId, TranLog t, ZoneId zone) {
        Header h = header(eventId, t.tenantId(), t.storeCode(), t.terminalNo(), t.businessDate(), t.generateDateTime(),
                zone);
        if (t.sales() == null) {
            throw new InvalidLogException("a tranlog needs sales");
        }
        int type = JournalType.ofTranlog(t.transactionType(), t.sales().isCancelled());
        BigDecimal amount = t.sales().totalAmountWithTax() == null ? BigDecimal.ZERO : t.sales().totalAmountWithTax();
        return new JournalEntry(JournalEntry.id(LogKind.TRANLOG, eventId), LogKind.TRANLOG, eventId, t.tenantId(),
                t.storeCode(), t.terminalNo(), JournalEntry.NO_SEQ_NO, t.transactionNo(), type, t.businessDate(),
                t.openCounter(), t.businessCounter(), t.generateDateTime(), h.generatedAt(), t.receiptNo(), amount,
                t.sales().totalQuantity(), t.staff() == null ? null : t.staff().id(),
                t.user() == null ? null : t.user().id(), JournalEntry.CONTENT, text(t.journalText()),
                text(t.receiptText()));
    }

    public static JournalEntry fromCashLog(String eventId, CashLog c, ZoneId zone) {
        Header h = header(eventId, c.tenantId(), c.storeCode(), c.terminalNo(), c.businessDate(), c.generateDateTime(),
                zone);
        int type = JournalType.ofCash(c.amount());
        return new JournalEntry(JournalEntry.id(LogKind.CASHLOG, eventId), LogKind.CASHLOG, eventId, c.tenantId(),
                c.storeCode(), c.terminalNo(), JournalEntry.NO_SEQ_NO, null, type, c.businessDate(), c.openCounter(),
                c.businessCounter(), c.generateDateTime(), h.generatedAt(), null, c.amount(), 0, c.staffId(), null,
                JournalEntry.CONTENT, text(c.journalText()), text(c.receiptText()));
    }

    public static JournalEntry fromOpenCloseLog(String eventId, OpenCloseLog o, ZoneId zone) {
        Header h = header(eventId, o.tenantId(), o.storeCode(), o.terminalNo(), o.businessDate(), o.generateDateTime(),
                zone);
        int type = JournalType.ofOperation(o.operation() != null ? o.operation() : o.eventType());
        return new JournalEntry(JournalEntry.id(LogKind.OPENCLOSELOG, eventId), LogKind.OPENCLOSELOG, eventId,
                o.tenantId(), o.storeCode(), o.terminalNo(), JournalEntry.NO_SEQ_NO, null, type, o.businessDate(),
                o.openCounter(), o.businessCounter(), o.generateDateTime(), h.generatedAt(), null, BigDecimal.ZERO, 0,
                o.staffId(), null, JournalEntry.CONTENT, text(o.journalText()), text(o.receiptText()));
    }

    /** Report text pushed to the journal: 501 flash, 502 daily. */
    public static JournalEntry fromReport(String key, String tenantId, String storeCode, int terminalNo,
                                          int transactionType, String businessDate, int openCounter,
                                          int businessCounter, String generateDateTime, Long transactionNo,
                                          Long receiptNo, BigDecimal amount, Integer quantity, String staffId,
                                          String userId, String journalText, String receiptText, ZoneId zone) {
        Header h = header(key, tenantId, storeCode, terminalNo, businessDate, generateDateTime, zone);
        if (!JournalType.REPORT_TYPES.contains(transactionType)) {
            throw new InvalidLogException("transactionType must be 501 (flash report) or 502 (daily report)");
        }
        return new JournalEntry(JournalEntry.id(LogKind.REPORT, key), LogKind.REPORT, key, tenantId, storeCode,
                terminalNo, JournalEntry.NO_SEQ_NO, transactionNo, transactionType, businessDate, openCounter,
                businessCounter, generateDateTime, h.generatedAt(), receiptNo,
                amount == null ? BigDecimal.ZERO : amount, quantity == null ? 0 : quantity, staffId, userId,
                JournalEntry.CONTENT, text(journalText), text(receiptText));
    }

    private record Header(Instant generatedAt) {
    }

    private static Header header(String eventId, String tenantId, String storeCode, int terminalNo,
                                 String businessDate, String generateDateTime, ZoneId zone) {
        if (eventId == null || eventId.isBlank()) {
            throw new InvalidLogException("no event_id");
        }
        if (!TenantIds.isValid(tenantId)) {
            throw new InvalidLogException("no valid tenant_id");
        }
        if (storeCode == null || storeCode.isBlank()) {
            throw new InvalidLogException("no store_code");
        }
        if (terminalNo < 0) {
            throw new InvalidLogException("terminal_no must not be negative");
        }
        if (!DateTimes.isBusinessDate(businessDate)) {
            throw new InvalidLogException("business_date must be a date written YYYYMMDD, not " + businessDate);
        }
        try {
            return new Header(DateTimes.parse(generateDateTime, zone));
        } catch (IllegalArgumentException e) {
            throw new InvalidLogException("generate_date_time: " + e.getMessage());
        }
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }
}
