package dev.kassa.cart.domain.payment;

/**
 * Loyalty points ({@code 21} by default): the amount is money; the hold is in points, the amount
 * divided by the tenant's {@code loyalty_point_value} setting (default 1), as master data posts it.
 */
public class PointsPayment extends LedgerPayment {

    @Override
    public String ledger() {
        return POINTS;
    }
}
