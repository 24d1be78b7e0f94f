package dev.kassa.cart.domain.transaction;

/** A flag to set on a stored transaction, in the same database transaction as the new tranlog. */
public record StatusChange(TransactionKey transaction, Flag flag, boolean value) {

    public enum Flag {
        VOIDED,
        REFUNDED
    }
}
