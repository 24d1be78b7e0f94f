package dev.kassa.cart.client;

import java.math.BigDecimal;
import java.util.List;

/** An item as master data sells it in one store (the common item merged with the store price). */
public record ItemDetail(
        String itemCode,
        String description,
        BigDecimal unitPrice,
        BigDecimal storePrice,
        String categoryCode,
        String taxCode,
        boolean discountRestricted,
        List<String> imageUrls) {
}
