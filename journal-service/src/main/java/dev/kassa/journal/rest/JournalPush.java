package dev.kassa.journal.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;

/**
 * {@code POST …/terminals/{n}/journals} body: report text for the journal (Kugel's JournalSchema).
 * The tenant, store and terminal come from the path; when the body names them too they must agree.
 * {@code eventId} is an optional client key that makes a repeated push store one entry.
 */
public record JournalPush(
        String tenantId,
        String storeCode,
        Integer terminalNo,
        Integer journalSeqNo,
        Long transactionNo,
        @NotNull Integer transactionType,
        @NotBlank String businessDate,
        @NotNull Integer openCounter,
        @NotNull Integer businessCounter,
        @NotBlank String generateDateTime,
        Long receiptNo,
        BigDecimal amount,
        Integer quantity,
        String staffId,
        String userId,
        String content,
        @NotNull String journalText,
        @NotNull String receiptText,
        @Size(max = 200) String eventId) {
}
