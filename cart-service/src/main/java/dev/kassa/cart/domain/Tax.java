package dev.kassa.cart.domain;

import java.math.BigDecimal;

/** The tax of one tax code on the cart: target = Σ(line amount − allocated discounts). */
public record Tax(
        int taxNo,
        String taxCode,
        TaxType taxType,
        String taxName,
        BigDecimal taxAmount,
        BigDecimal targetAmount,
        int targetQuantity) {
}
