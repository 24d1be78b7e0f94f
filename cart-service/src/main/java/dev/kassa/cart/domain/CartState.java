package dev.kassa.cart.domain;

/** The states of a cart, as shown in {@code cartStatus}. */
public enum CartState {
    Initial,
    Idle,
    EnteringItem,
    Paying,
    Completed,
    Cancelled;

    /** Completed and Cancelled carts only answer {@link CartEvent#GET}. */
    public boolean isFinal() {
        return this == Completed || this == Cancelled;
    }
}
