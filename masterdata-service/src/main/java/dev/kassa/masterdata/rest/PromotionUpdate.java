package dev.kassa.masterdata.rest;

import dev.kassa.masterdata.domain.PromotionDetail;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;

/** A partial update: absent fields are kept. Code and type never change. */
public record PromotionUpdate(@Pattern(regexp = ".*\\S.*", message = "must not be blank") String name, String description,
        String startDatetime, String endDatetime, Boolean isActive, @Valid PromotionDetail detail) {
}
