package dev.kassa.masterdata.rest;

import dev.kassa.common.api.bounds.Amount;
import dev.kassa.common.api.bounds.Code;
import dev.kassa.common.api.bounds.Text;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import java.math.BigDecimal;

/**
 * A change by hand to what a customer owes: positive charges, negative writes off (bad debt).
 * {@code adjustmentId} (optional, the client's) makes a retry post once.
 */
public record CreditAdjustmentCreate(@NotNull @Amount BigDecimal amount, @NotBlank @Text String reason,
        @Code String adjustmentId) {
}
