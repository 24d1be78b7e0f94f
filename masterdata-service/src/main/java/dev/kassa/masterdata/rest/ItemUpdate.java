package dev.kassa.masterdata.rest;

import dev.kassa.common.api.Limits;
import dev.kassa.common.api.bounds.Amount;
import dev.kassa.common.api.bounds.Code;
import dev.kassa.common.api.bounds.Name;
import dev.kassa.common.api.bounds.Text;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.util.List;

public record ItemUpdate(@NotNull @Name String description,
        @NotNull @PositiveOrZero @Amount BigDecimal unitPrice,
        @NotNull @PositiveOrZero @Amount BigDecimal unitCost,
        @NotNull @Size(max = Limits.LIST_MAX) List<@NotNull @Text String> itemDetails,
        @NotNull @Size(max = Limits.LIST_MAX) List<@NotNull @Text String> imageUrls,
        @NotBlank @Code String categoryCode, @NotBlank @Code String taxCode,
        Boolean isDiscountRestricted) {
}
