package dev.kassa.cart.domain;

/**
 * Everything a client can ask of a cart. {@link #operation()} is the operation name used in the
 * 300004 message ({@code "Invalid event: <operation> for state: <State>"}); the names are Kugel's.
 */
public enum CartEvent {
    CREATE("create_cart_async"),
    GET("get_cart_async"),
    CANCEL("cancel_transaction_async"),
    ADD_ITEM("add_item_to_cart_async"),
    ADD_LINE_DISCOUNT("add_discount_to_line_item_in_cart_async"),
    CANCEL_LINE_ITEM("cancel_line_item_from_cart_async"),
    UPDATE_QUANTITY("update_line_item_quantity_in_cart_async"),
    UPDATE_UNIT_PRICE("update_line_item_unit_price_in_cart_async"),
    SUBTOTAL("subtotal_async"),
    ADD_CART_DISCOUNT("add_discount_to_cart_async"),
    ADD_PAYMENT("add_payment_to_cart_async"),
    BILL("bill_async"),
    RESUME_ITEM_ENTRY("resume_item_entry_async"),
    /** Kassa's addition: names the customer of an open cart (PUT .../customer). */
    ATTACH_CUSTOMER("attach_customer_to_cart_async"),
    /** Kassa's addition: removes the customer of an open cart (DELETE .../customer). */
    DETACH_CUSTOMER("detach_customer_from_cart_async");

    private final String operation;

    CartEvent(String operation) {
        this.operation = operation;
    }

    public String operation() {
        return operation;
    }
}
