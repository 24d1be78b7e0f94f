package dev.kassa.journal.domain;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * One line of the electronic journal. {@code id} is the entry's unique key: the kind of log it
 * comes from and that log's event id, so that applying the same log again finds the same entry.
 *
 * @param generateDateTime the text as the terminal wrote it (what clients read back)
 * @param generatedAt      the same moment as an instant (what range queries and sorting use)
 */
public record JournalEntry(
        String id,
        LogKind kind,
        String eventId,
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
        Instant generatedAt,
        Long receiptNo,
        BigDecimal amount,
        int quantity,
        String staffId,
        String userId,
        String content,
        String journalText,
        String receiptText) {

    /** Kugel's placeholder for the deprecated {@code content} field. */
    public static final String CONTENT = "please refer to journal_text.";
    /** Kugel's value of the deprecated {@code journal_seq_no} field. */
    public static final int NO_SEQ_NO = -1;

    public static String id(LogKind kind, String eventId) {
        return kind.key() + ":" + eventId;
    }
}
