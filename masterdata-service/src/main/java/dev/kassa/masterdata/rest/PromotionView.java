package dev.kassa.masterdata.rest;

import dev.kassa.masterdata.domain.PromotionDetail;

public record PromotionView(String promotionCode, String promotionType, String name, String description, String startDatetime,
        String endDatetime, boolean isActive, PromotionDetail detail, String entryDatetime, String lastUpdateDatetime) {
}
