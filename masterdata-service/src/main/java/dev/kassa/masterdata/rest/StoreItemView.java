package dev.kassa.masterdata.rest;

import java.math.BigDecimal;

public record StoreItemView(String itemCode, BigDecimal storePrice, String entryDatetime, String lastUpdateDatetime) {
}
