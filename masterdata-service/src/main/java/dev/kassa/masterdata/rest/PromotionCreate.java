package dev.kassa.masterdata.rest;

import dev.kassa.masterdata.domain.PromotionDetail;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;

/** A new promotion; datetimes are ISO-8601, with an offset or in the shop's time zone; isActive defaults to true. */
public record PromotionCreate(@NotBlank String promotionCode, @NotBlank String promotionType, @NotBlank String name, String description,
        @NotBlank String startDatetime, @NotBlank String endDatetime, Boolean isActive, @Valid PromotionDetail detail) {
}
