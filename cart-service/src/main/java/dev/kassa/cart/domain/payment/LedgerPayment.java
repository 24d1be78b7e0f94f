package dev.kassa.cart.domain.payment;

/**
 * A payment from a customer's ledger in master data: no change, no deposit above the balance
 * (406 / 403004), only on a cart for a customer (400 / 403007). Before the tender is added the cart
 * service holds the amount over gRPC ({@code CustomerLedger.Reserve}) and writes the hold into the
 * payment's detail as {@code reservation:<id>}; the bill confirms it, a cancel or resume releases it,
 * and master data's tranlog consumer settles it when it posts the sale.
 */
public abstract class LedgerPayment extends ExactTenderPayment {
    public static final String CREDIT = "credit";
    public static final String POINTS = "points";
    /** The payment detail that names the hold: {@code reservation:<id>}. */
    public static final String RESERVATION_PREFIX = "reservation:";

    /** The hold a payment's detail names, or null. */
    public static String reservationOf(String detail) {
        return detail != null && detail.startsWith(RESERVATION_PREFIX) && detail.length() > RESERVATION_PREFIX.length()
                ? detail.substring(RESERVATION_PREFIX.length()) : null;
    }
}
