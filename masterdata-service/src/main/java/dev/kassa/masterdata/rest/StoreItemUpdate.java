package dev.kassa.masterdata.rest;

import dev.kassa.common.api.bounds.Amount;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

import java.math.BigDecimal;

public record StoreItemUpdate(@NotNull @PositiveOrZero @Amount BigDecimal storePrice) {
}
