package dev.kassa.masterdata.rest;

import java.math.BigDecimal;

public record PaymentView(String paymentCode, String description, BigDecimal limitAmount, boolean canRefund, boolean canDepositOver,
        boolean canChange, boolean isActive, String entryDatetime, String lastUpdateDatetime) {
}
