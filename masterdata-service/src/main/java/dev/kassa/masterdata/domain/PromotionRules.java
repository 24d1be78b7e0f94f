package dev.kassa.masterdata.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/** Which promotions apply now, and what a valid promotion looks like (Kugel's rules). */
public final class PromotionRules {
    public static final String CATEGORY_DISCOUNT = "category_discount";
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private PromotionRules() {
    }

    /**
     * Active: switched on, not deleted, {@code start <= now <= end}, and for the store asked
     * about (if any) the store is a target or no store is listed; for the category asked about
     * (if any) the category is a target.
     */
    public static boolean isActive(Promotion p, PromotionDetail detail, Instant now, String storeCode,
                                   String categoryCode) {
        if (!p.active || p.deleted || now.isBefore(p.startDatetime) || now.isAfter(p.endDatetime)) {
            return false;
        }
        if (storeCode != null && (detail == null || !detail.coversStore(storeCode))) {
            return false;
        }
        return categoryCode == null || (detail != null && detail.coversCategory(categoryCode));
    }

    /** Why the promotion is invalid, or empty when it is valid. */
    public static Optional<String> problem(String type, Instant start, Instant end, PromotionDetail detail) {
        if (!end.isAfter(start)) {
            return Optional.of("endDatetime must be after startDatetime");
        }
        if (CATEGORY_DISCOUNT.equals(type)) {
            if (detail == null) {
                return Optional.of("detail is required for a category_discount promotion");
            }
            if (detail.targetCategoryCodes() == null || detail.targetCategoryCodes().isEmpty()) {
                return Optional.of("detail.targetCategoryCodes must contain at least one category code");
            }
        }
        if (detail != null && (detail.discountRate().signum() <= 0 || detail.discountRate().compareTo(HUNDRED) > 0)) {
            return Optional.of("detail.discountRate must be more than 0 and at most 100");
        }
        return Optional.empty();
    }
}
