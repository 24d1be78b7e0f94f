package dev.kassa.cart.domain.payment;

import java.math.BigDecimal;

/** Cash ({@code 01}): a deposit above the balance pays the balance and the rest is change. */
public class CashPayment implements PaymentPlugin {

    @Override
    public Tender tender(BigDecimal balance, BigDecimal deposit) {
        if (deposit.compareTo(balance) > 0) {
            return new Tender(deposit, balance);
        }
        return new Tender(deposit, deposit);
    }
}
