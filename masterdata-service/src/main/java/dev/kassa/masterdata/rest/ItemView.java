package dev.kassa.masterdata.rest;

import java.math.BigDecimal;
import java.util.List;

public record ItemView(String itemCode, String description, BigDecimal unitPrice, BigDecimal unitCost, List<String> itemDetails,
        List<String> imageUrls, String categoryCode, String taxCode, boolean isDiscountRestricted, boolean isDeleted,
        String entryDatetime, String lastUpdateDatetime) {
}
