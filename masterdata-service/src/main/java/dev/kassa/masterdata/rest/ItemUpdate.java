package dev.kassa.masterdata.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;

import java.math.BigDecimal;
import java.util.List;

public record ItemUpdate(@NotNull String description, @NotNull @PositiveOrZero BigDecimal unitPrice,
        @NotNull @PositiveOrZero BigDecimal unitCost, @NotNull List<@NotNull String> itemDetails,
        @NotNull List<@NotNull String> imageUrls, @NotBlank String categoryCode, @NotBlank String taxCode,
        Boolean isDiscountRestricted) {
}
