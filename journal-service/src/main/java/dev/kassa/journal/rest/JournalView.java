package dev.kassa.journal.rest;

import dev.kassa.journal.domain.JournalEntry;

import java.math.BigDecimal;

/** A journal entry as clients read it (Kugel's JournalSchema). */
public record JournalView(
        String tenantId,
        String storeCode,
        int terminalNo,
        int journalSeqNo,
        Long transactionNo,
        int transactionType,
        String businessDate,
        int openCounter,
        int businessCounter,
        String generateDateTime,
        Long receiptNo,
        BigDecimal amount,
        int quantity,
        String staffId,
        String userId,
        String content,
        String journalText,
        String receiptText) {

    public static JournalView of(JournalEntry e) {
        return new JournalView(e.tenantId(), e.storeCode(), e.terminalNo(), e.journalSeqNo(), e.transactionNo(),
                e.transactionType(), e.businessDate(), e.openCounter(), e.businessCounter(), e.generateDateTime(),
                e.receiptNo(), e.amount(), e.quantity(), e.staffId(), e.userId(), e.content(), e.journalText(),
                e.receiptText());
    }
}
