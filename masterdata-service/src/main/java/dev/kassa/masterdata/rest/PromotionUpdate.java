package dev.kassa.masterdata.rest;

import dev.kassa.common.api.bounds.Name;
import dev.kassa.common.api.bounds.Text;
import dev.kassa.masterdata.domain.PromotionDetail;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;

/** A partial update: absent fields are kept. Code and type never change. */
public record PromotionUpdate(@Pattern(regexp = ".*\\S.*", message = "must not be blank") @Name String name,
        @Text String description, @Name String startDatetime, @Name String endDatetime, Boolean isActive, @Valid PromotionDetail detail) {
}
