package dev.kassa.masterdata.domain;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PromotionRulesTest {
    static final Instant NOW = Instant.parse("2025-06-01T00:00:00Z");

    static Promotion promotion(boolean active, boolean deleted, String start, String end) {
        Promotion p = new Promotion();
        p.active = active;
        p.deleted = deleted;
        p.startDatetime = Instant.parse(start);
        p.endDatetime = Instant.parse(end);
        return p;
    }

    static PromotionDetail detail(List<String> stores, List<String> categories) {
        return new PromotionDetail(stores, categories, BigDecimal.TEN);
    }

    @Test
    void activeMeansSwitchedOnNotDeletedAndInPeriod() {
        PromotionDetail all = detail(List.of(), List.of("001"));
        assertTrue(PromotionRules.isActive(promotion(true, false, "2025-05-01T00:00:00Z", "2025-07-01T00:00:00Z"),
                all, NOW, null, null));
        assertTrue(PromotionRules.isActive(promotion(true, false, "2025-06-01T00:00:00Z", "2025-06-01T00:00:00Z"),
                all, NOW, null, null), "both ends are inclusive");
        assertFalse(PromotionRules.isActive(promotion(false, false, "2025-05-01T00:00:00Z", "2025-07-01T00:00:00Z"),
                all, NOW, null, null));
        assertFalse(PromotionRules.isActive(promotion(true, true, "2025-05-01T00:00:00Z", "2025-07-01T00:00:00Z"),
                all, NOW, null, null));
        assertFalse(PromotionRules.isActive(promotion(true, false, "2025-06-01T00:00:01Z", "2025-07-01T00:00:00Z"),
                all, NOW, null, null));
        assertFalse(PromotionRules.isActive(promotion(true, false, "2025-05-01T00:00:00Z", "2025-05-31T23:59:59Z"),
                all, NOW, null, null));
    }

    @Test
    void storesAndCategories() {
        Promotion live = promotion(true, false, "2025-05-01T00:00:00Z", "2025-07-01T00:00:00Z");
        PromotionDetail everyStore = detail(List.of(), List.of("001", "002"));
        PromotionDetail oneStore = detail(List.of("5678"), List.of("001"));
        assertTrue(PromotionRules.isActive(live, everyStore, NOW, "1111", null));
        assertTrue(PromotionRules.isActive(live, oneStore, NOW, "5678", null));
        assertFalse(PromotionRules.isActive(live, oneStore, NOW, "1111", null));
        assertTrue(PromotionRules.isActive(live, everyStore, NOW, "1111", "002"));
        assertFalse(PromotionRules.isActive(live, oneStore, NOW, "5678", "002"));
        assertFalse(PromotionRules.isActive(live, null, NOW, "5678", null));
    }

    @Test
    void validation() {
        Instant start = NOW;
        Instant end = NOW.plusSeconds(60);
        assertEquals("endDatetime must be after startDatetime",
                PromotionRules.problem("category_discount", start, start, detail(List.of(), List.of("1"))).orElseThrow());
        assertTrue(PromotionRules.problem("category_discount", start, end, null).isPresent());
        assertTrue(PromotionRules.problem("category_discount", start, end, detail(List.of(), List.of())).isPresent());
        assertTrue(PromotionRules.problem("category_discount", start, end,
                new PromotionDetail(List.of(), List.of("1"), BigDecimal.ZERO)).isPresent());
        assertTrue(PromotionRules.problem("category_discount", start, end,
                new PromotionDetail(List.of(), List.of("1"), new BigDecimal("100.01"))).isPresent());
        assertFalse(PromotionRules.problem("category_discount", start, end,
                new PromotionDetail(List.of(), List.of("1"), new BigDecimal("100"))).isPresent());
        assertFalse(PromotionRules.problem("other", start, end, null).isPresent());
    }
}
