package dev.kassa.cart.domain;

import dev.kassa.common.api.ApiException;
import dev.kassa.common.api.ErrorCodes;

/** The cart's business errors (codes 401xx-404xx of the contract), English messages. */
public final class CartErrors {
    public static final String CART_NOT_FOUND = "401002";
    public static final String ITEM_NOT_FOUND = "402001";
    public static final String AMOUNT_LESS_THAN_DISCOUNT = "402002";
    public static final String BALANCE_LESS_THAN_DISCOUNT = "402003";
    public static final String DISCOUNT_ALLOCATION = "402004";
    public static final String DISCOUNT_RESTRICTED = "402005";
    public static final String BALANCE_ZERO = "403001";
    public static final String BALANCE_GREATER_THAN_ZERO = "403002";
    public static final String BALANCE_MINUS = "403003";
    public static final String DEPOSIT_OVER = "403004";
    public static final String ALREADY_VOIDED = "403005";
    public static final String ALREADY_REFUNDED = "403006";
    /** A credit or points payment on a cart without a customer. */
    public static final String CUSTOMER_REQUIRED = "403007";
    /** The customer's ledger refused the hold: over the credit limit, not enough points, customer erased. */
    public static final String LEDGER_REFUSED = "403008";
    /** The customer ledgers (master data) cannot be reached: credit and points payments are refused. */
    public static final String LEDGER_UNAVAILABLE = "601002";
    public static final String TERMINAL_NOT_OPENED = "404001";
    public static final String STAFF_NOT_SIGNED_IN = "404002";

    private CartErrors() {
    }

    public static ApiException cartNotFound(String cartId) {
        return ApiException.notFound(CART_NOT_FOUND, "Cart not found: " + cartId);
    }

    public static ApiException itemNotFound(String itemCode) {
        return ApiException.notFound(ITEM_NOT_FOUND, "Item not found: " + itemCode);
    }

    public static ApiException lineNotFound(int lineNo) {
        return ApiException.notFound(ErrorCodes.NOT_FOUND, "Line item not found: lineNo " + lineNo);
    }

    public static ApiException amountLessThanDiscount(int lineNo, Object amount, Object discount) {
        return ApiException.badRequest(AMOUNT_LESS_THAN_DISCOUNT,
                "Amount is less than discount: lineNo " + lineNo + ", amount " + plain(amount) + ", discount " + plain(discount));
    }

    public static ApiException balanceLessThanDiscount(Object balance, Object discount) {
        return ApiException.badRequest(BALANCE_LESS_THAN_DISCOUNT,
                "Balance is less than discount: balance " + plain(balance) + ", discount " + plain(discount));
    }

    public static ApiException discountAllocation(Object discount, Object allocatable) {
        return ApiException.badRequest(DISCOUNT_ALLOCATION,
                "Discount allocation error: discount " + plain(discount) + " exceeds the discountable amount " + plain(allocatable));
    }

    public static ApiException discountRestricted(int lineNo) {
        return ApiException.badRequest(DISCOUNT_RESTRICTED, "Discount restriction: lineNo " + lineNo);
    }

    public static ApiException customerRequired(String paymentCode) {
        return ApiException.badRequest(CUSTOMER_REQUIRED,
                "Payment " + paymentCode + " needs a customer: attach one to the cart (PUT /api/v1/carts/{cart_id}/customer)"
                        + " or create it with customer_code");
    }

    public static ApiException balanceZero() {
        return new ApiException(406, BALANCE_ZERO, "Balance is already zero");
    }

    public static ApiException balanceGreaterThanZero(Object balance) {
        return new ApiException(406, BALANCE_GREATER_THAN_ZERO, "Balance is greater than zero: " + plain(balance));
    }

    public static ApiException balanceMinus(Object detail) {
        return new ApiException(406, BALANCE_MINUS, "Balance is minus: " + plain(detail));
    }

    public static ApiException depositOver(Object deposit, Object balance) {
        return new ApiException(406, DEPOSIT_OVER,
                "Deposit amount is more than balance: deposit " + plain(deposit) + ", balance " + plain(balance));
    }

    public static ApiException alreadyVoided(long transactionNo) {
        return ApiException.badRequest(ALREADY_VOIDED, "This transaction has already been voided: transactionNo " + transactionNo);
    }

    public static ApiException alreadyRefunded(long transactionNo) {
        return ApiException.badRequest(ALREADY_REFUNDED, "This transaction has already been refunded: transactionNo " + transactionNo);
    }

    public static ApiException terminalNotOpened(String status) {
        return ApiException.badRequest(TERMINAL_NOT_OPENED, "Check terminal status: terminal is not opened (status " + status + ")");
    }

    public static ApiException staffNotSignedIn() {
        return ApiException.badRequest(STAFF_NOT_SIGNED_IN, "Check sign-in/out status: no staff is signed in");
    }

    /** Invalid request content that Kugel answered with a 500: Kassa says 422 / 300001. */
    public static ApiException invalid(String message) {
        return ApiException.validation(message);
    }

    /** A bad void/return body: 400 with 300001, as Kugel's BadRequestBodyException. */
    public static ApiException badBody(String message) {
        return new ApiException(400, ErrorCodes.VALIDATION, message);
    }

    private static String plain(Object value) {
        return value instanceof java.math.BigDecimal d ? d.toPlainString() : String.valueOf(value);
    }
}
