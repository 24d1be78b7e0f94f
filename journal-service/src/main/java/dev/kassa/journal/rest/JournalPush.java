package dev.kassa.journal.rest;

import dev.kassa.common.api.Limits;
import dev.kassa.common.api.bounds.Amount;
import dev.kassa.common.api.bounds.Code;
import dev.kassa.common.api.bounds.Name;
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
        @Code String tenantId,
        @Code String storeCode,
        Integer terminalNo,
        Integer journalSeqNo,
        Long transactionNo,
        @NotNull Integer transactionType,
        @NotBlank @Code String businessDate,
        @NotNull Integer openCounter,
        @NotNull Integer businessCounter,
        @NotBlank @Name String generateDateTime,
        Long receiptNo,
        @Amount BigDecimal amount,
        Integer quantity,
        @Code String staffId,
        @Code String userId,
        @Size(max = RECEIPT_MAX) String content,
        @NotNull @Size(max = RECEIPT_MAX) String journalText,
        @NotNull @Size(max = RECEIPT_MAX) String receiptText,
        @Code String eventId) {
    /** The text of a receipt: the largest cart, each line at most a free-text line long. */
    static final int RECEIPT_MAX = Limits.CART_LINES_MAX * Limits.TEXT_MAX;

}
