package dev.kassa.masterdata.rest;

public record PromotionDeleted(String promotionCode) {
}
