package dev.kassa.masterdata.domain;

import dev.kassa.common.api.Limits;
import dev.kassa.common.api.bounds.Amount;
import dev.kassa.common.api.bounds.Code;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.util.List;

/**
 * What a {@code category_discount} promotion does: {@code discountRate} percent off the target
 * categories, in the target stores (no stores listed = every store).
 */
public record PromotionDetail(
        @Size(max = Limits.LIST_MAX) List<@NotNull @Code String> targetStoreCodes,
        @NotNull @Size(max = Limits.LIST_MAX) List<@NotNull @Code String> targetCategoryCodes,
        @NotNull @Amount BigDecimal discountRate) {

    public PromotionDetail {
        targetStoreCodes = targetStoreCodes == null ? List.of() : List.copyOf(targetStoreCodes);
        targetCategoryCodes = targetCategoryCodes == null ? null : List.copyOf(targetCategoryCodes);
    }

    public boolean coversStore(String storeCode) {
        return targetStoreCodes.isEmpty() || targetStoreCodes.contains(storeCode);
    }

    public boolean coversCategory(String categoryCode) {
        return targetCategoryCodes != null && targetCategoryCodes.contains(categoryCode);
    }
}
