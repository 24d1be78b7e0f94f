package dev.kassa.masterdata.rest;

import java.math.BigDecimal;
import java.util.List;

/** The common item merged with one store's price (null when the store has none): what the cart prices with. */
public record ItemDetailView(String itemCode, String description, BigDecimal unitPrice, BigDecimal unitCost, BigDecimal storePrice,
        List<String> itemDetails, List<String> imageUrls, String categoryCode, String taxCode,
        boolean isDiscountRestricted, boolean isDeleted, String entryDatetime, String lastUpdateDatetime) {
}
