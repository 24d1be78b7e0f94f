package dev.kassa.cart.domain;

/** External: added on top of the price. Internal: included in the price. Exempt: no tax. */
public enum TaxType {
    External,
    Internal,
    Exempt
}
