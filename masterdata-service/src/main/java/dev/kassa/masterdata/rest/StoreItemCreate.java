package dev.kassa.masterdata.rest;

import dev.kassa.common.api.bounds.Amount;
import dev.kassa.common.api.bounds.Code;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

import java.math.BigDecimal;

public record StoreItemCreate(@NotBlank @Code String itemCode, @NotNull @PositiveOrZero @Amount BigDecimal storePrice) {
}
