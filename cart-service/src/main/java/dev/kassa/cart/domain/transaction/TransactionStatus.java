package dev.kassa.cart.domain.transaction;

/** The flags of a stored transaction ({@code Tran.status}). */
public record TransactionStatus(boolean isCancelled, boolean isVoided, boolean isRefunded) {
    public static final TransactionStatus NONE = new TransactionStatus(false, false, false);
}
