package dev.kassa.cart.domain.receipt;

/** The printed receipt and the electronic journal text of one transaction. */
public record ReceiptText(String receiptText, String journalText) {
}
