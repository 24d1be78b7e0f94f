package dev.kassa.cart.domain.payment;

import dev.kassa.cart.domain.CartErrors;

import java.math.BigDecimal;

/** A method that gives no change: a deposit above the balance is refused with 406 / 403004. */
public abstract class ExactTenderPayment implements PaymentPlugin {

    @Override
    public Tender tender(BigDecimal balance, BigDecimal deposit) {
        if (deposit.compareTo(balance) > 0) {
            throw CartErrors.depositOver(deposit, balance);
        }
        return new Tender(deposit, deposit);
    }
}
