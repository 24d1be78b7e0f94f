package dev.kassa.masterdata.rest;

import java.math.BigDecimal;

public record TaxView(String taxCode, String taxType, String taxName, BigDecimal rate, int roundDigit, String roundMethod,
        String entryDatetime, String lastUpdateDatetime) {
}
