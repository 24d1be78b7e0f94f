package dev.kassa.masterdata.rest;

import dev.kassa.common.api.bounds.Amount;
import dev.kassa.common.api.bounds.Code;
import dev.kassa.common.api.bounds.Text;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;

import java.math.BigDecimal;

/**
 * A repayment of store credit, taken in the back office of {@code storeCode} (the store that received the
 * money; its cash log carries it). {@code repaymentId} (optional, the client's) makes a retry post once.
 */
public record RepaymentCreate(@NotNull @Positive @Amount BigDecimal amount, @Code String repaymentId,
        @Text String reference,
        @NotBlank @Pattern(regexp = STORE_CODE, message = "must be a store code: 1 to 32 letters, digits, _ or -")
        String storeCode) {
    /** Store codes as the terminal service takes them: they are part of terminal ids and event keys. */
    static final String STORE_CODE = "[A-Za-z0-9_\\-]{1,32}";
}
