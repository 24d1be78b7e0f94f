package dev.kassa.masterdata.rest;

import dev.kassa.common.api.bounds.Amount;
import dev.kassa.common.api.bounds.Code;
import dev.kassa.common.api.bounds.Text;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;

import java.math.BigDecimal;

/** A repayment of store credit. {@code repaymentId} (optional, the client's) makes a retry post once. */
public record RepaymentCreate(@NotNull @Positive @Amount BigDecimal amount, @Code String repaymentId,
        @Text String reference) {
}
