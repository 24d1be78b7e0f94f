package dev.kassa.cart.domain;

/** The numbers a bill, cancel, void or return consumes from the terminal's counters. */
public record TransactionNumbers(long transactionNo, long receiptNo) {
}
