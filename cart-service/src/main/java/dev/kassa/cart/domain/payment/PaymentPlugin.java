package dev.kassa.cart.domain.payment;

import java.math.BigDecimal;

/**
 * The rule of one payment method. The cart has already checked the rules common to every method
 * (balance > 0, else 406/403001; deposit ≥ 0, else 406/403003) and checks afterwards that the balance
 * does not go below zero (406/403003).
 *
 * <p>A new payment method is one class implementing this interface (public, no-argument constructor)
 * and one line of configuration mapping its payment code to the class, see {@link PaymentRegistry}.
 */
public interface PaymentPlugin {

    /**
     * @param balance the balance before this tender (> 0)
     * @param deposit what the customer hands over (≥ 0)
     * @return the deposit kept and the amount paid; throw an {@link dev.kassa.common.api.ApiException} to refuse
     */
    Tender tender(BigDecimal balance, BigDecimal deposit);

    /**
     * The customer ledger this method pays from ({@code "credit"} or {@code "points"}, see
     * {@link LedgerPayment}), or null (the default) for a method that needs no customer and no hold.
     */
    default String ledger() {
        return null;
    }
}
