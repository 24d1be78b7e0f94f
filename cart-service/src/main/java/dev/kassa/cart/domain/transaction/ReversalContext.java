package dev.kassa.cart.domain.transaction;

import dev.kassa.cart.domain.TransactionNumbers;
import dev.kassa.cart.domain.receipt.ReceiptSettings;

import java.time.OffsetDateTime;

/**
 * The present of a void or return: the new numbers, the terminal's current business date and
 * counters, the time, the receipt settings and the outbox event id.
 */
public record ReversalContext(
        TransactionNumbers numbers,
        String businessDate,
        int openCounter,
        int businessCounter,
        OffsetDateTime now,
        ReceiptSettings receipt,
        String eventId) {
}
