package dev.kassa.cart.domain;

import java.math.BigDecimal;
import java.util.List;

/**
 * Item master data as the cart needs it (master-data {@code …/items/{code}/details}: the common item
 * merged with the store price).
 *
 * @param storePrice the store's price, or null when the store has none
 */
public record ItemMaster(
        String itemCode,
        String description,
        BigDecimal unitPrice,
        BigDecimal storePrice,
        String categoryCode,
        String taxCode,
        boolean isDiscountRestricted,
        List<String> imageUrls) {

    public ItemMaster {
        imageUrls = imageUrls == null ? List.of() : List.copyOf(imageUrls);
    }

    /**
     * Kugel's price rule: the requested price if given and non-zero, else the store price if set and
     * non-zero, else the common unit price.
     */
    public BigDecimal priceFor(BigDecimal requestedUnitPrice) {
        if (requestedUnitPrice != null && requestedUnitPrice.signum() != 0) {
            return requestedUnitPrice;
        }
        if (storePrice != null && storePrice.signum() != 0) {
            return storePrice;
        }
        return Money.orZero(unitPrice);
    }
}
