package dev.kassa.masterdata.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

import java.math.BigDecimal;

public record StoreItemCreate(@NotBlank String itemCode, @NotNull @PositiveOrZero BigDecimal storePrice) {
}
