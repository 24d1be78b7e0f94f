package dev.kassa.masterdata.domain;

import jakarta.validation.constraints.NotNull;

import java.math.BigDecimal;
import java.util.List;

/**
 * What a {@code category_discount} promotion does: {@code discountRate} percent off the target
 * categories, in the target stores (no stores listed = every store).
 */
public record PromotionDetail(
        List<@NotNull String> targetStoreCodes,
        @NotNull List<@NotNull String> targetCategoryCodes,
        @NotNull BigDecimal discountRate) {

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
