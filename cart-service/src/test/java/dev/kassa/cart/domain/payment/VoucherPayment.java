package dev.kassa.cart.domain.payment;

import java.math.BigDecimal;

/** A payment method defined outside the domain's defaults: a voucher pays at most its face value, no change. */
public class VoucherPayment implements PaymentPlugin {

    @Override
    public Tender tender(BigDecimal balance, BigDecimal deposit) {
        // a voucher worth more than the balance is taken whole, but only pays the balance (no change given)
        BigDecimal amount = deposit.min(balance);
        return new Tender(amount, amount);
    }
}
