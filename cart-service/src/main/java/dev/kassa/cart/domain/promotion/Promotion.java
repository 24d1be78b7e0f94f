package dev.kassa.cart.domain.promotion;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A promotion from master-data ({@code /promotions}), flattened: the {@code detail} fields
 * ({@code targetStoreCodes, targetCategoryCodes, discountRate}) sit beside the header fields.
 */
public record Promotion(
        String promotionCode,
        String promotionType,
        String name,
        OffsetDateTime startDatetime,
        OffsetDateTime endDatetime,
        boolean isActive,
        List<String> targetStoreCodes,
        List<String> targetCategoryCodes,
        BigDecimal discountRate) {

    public static final String CATEGORY_DISCOUNT = "category_discount";

    public Promotion {
        targetStoreCodes = targetStoreCodes == null ? List.of() : List.copyOf(targetStoreCodes);
        targetCategoryCodes = targetCategoryCodes == null ? List.of() : List.copyOf(targetCategoryCodes);
    }

    /** An active, unbounded category discount (tests, fixtures). */
    public static Promotion categoryDiscount(String code, String name, long rate, String... categoryCodes) {
        return new Promotion(code, CATEGORY_DISCOUNT, name, null, null, true, List.of(),
                List.of(categoryCodes), BigDecimal.valueOf(rate));
    }

    /**
     * Master-data's "active" rule: {@code isActive}, start ≤ now ≤ end (an absent bound is open), and
     * the store listed in {@code targetStoreCodes} or that list empty.
     */
    public boolean isActiveAt(OffsetDateTime now, String storeCode) {
        if (!isActive) {
            return false;
        }
        if (startDatetime != null && now.isBefore(startDatetime)) {
            return false;
        }
        if (endDatetime != null && now.isAfter(endDatetime)) {
            return false;
        }
        return targetStoreCodes.isEmpty() || targetStoreCodes.contains(storeCode);
    }
}
