package dev.kassa.report.client;

import java.math.BigDecimal;

/** A report as the journal keeps it (Kugel's body, camelCase): type 501 flash or 502 daily. */
public record JournalEntry(
        String tenantId,
        String storeCode,
        int terminalNo,
        int transactionType,
        String businessDate,
        int openCounter,
        int businessCounter,
        String generateDateTime,
        long receiptNo,
        BigDecimal amount,
        int quantity,
        String staffId,
        String userId,
        String journalText,
        String receiptText) {
}
