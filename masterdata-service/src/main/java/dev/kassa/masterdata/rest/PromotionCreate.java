package dev.kassa.masterdata.rest;

import dev.kassa.common.api.bounds.Code;
import dev.kassa.common.api.bounds.Name;
import dev.kassa.common.api.bounds.Text;
import dev.kassa.masterdata.domain.PromotionDetail;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;

/** A new promotion; datetimes are ISO-8601, with an offset or in the shop's time zone; isActive defaults to true. */
public record PromotionCreate(@NotBlank @Code String promotionCode, @NotBlank @Code String promotionType,
        @NotBlank @Name String name, @Text String description,
        @NotBlank @Name String startDatetime, @NotBlank @Name String endDatetime, Boolean isActive, @Valid PromotionDetail detail) {
}
