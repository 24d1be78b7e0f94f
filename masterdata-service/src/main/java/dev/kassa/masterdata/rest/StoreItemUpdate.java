package dev.kassa.masterdata.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

import java.math.BigDecimal;

public record StoreItemUpdate(@NotNull @PositiveOrZero BigDecimal storePrice) {
}
