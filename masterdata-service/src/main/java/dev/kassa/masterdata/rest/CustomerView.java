package dev.kassa.masterdata.rest;

import java.math.BigDecimal;

public record CustomerView(String customerCode, String name, String phone, String email, String loyaltyTier,
        BigDecimal creditLimit, boolean isErased, String entryDatetime, String lastUpdateDatetime) {
}
