package dev.kassa.cart.domain.payment;

/** Store credit (udhaar, {@code 31} by default): sold on account, held against the customer's credit limit. */
public class CreditPayment extends LedgerPayment {

    @Override
    public String ledger() {
        return CREDIT;
    }
}
