package dev.kassa.cart.domain;

/** Transaction numbers run 1, 2, 3 … per terminal, never reset (Kugel: not even daily). */
public final class TransactionCounter {
    public static final long FIRST = 1L;

    private TransactionCounter() {
    }

    public static long next(Long last) {
        return last == null || last < FIRST ? FIRST : last + 1;
    }
}
