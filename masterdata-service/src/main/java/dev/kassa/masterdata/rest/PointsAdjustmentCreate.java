package dev.kassa.masterdata.rest;

import dev.kassa.common.api.bounds.Amount;
import dev.kassa.common.api.bounds.Code;
import dev.kassa.common.api.bounds.Text;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import java.math.BigDecimal;

/**
 * Points given (positive) or taken (negative) by hand, with why. {@code adjustmentId} (optional, the
 * client's) makes a retry post once.
 */
public record PointsAdjustmentCreate(@NotNull @Amount BigDecimal points, @NotBlank @Text String reason,
        @Code String adjustmentId) {
}
