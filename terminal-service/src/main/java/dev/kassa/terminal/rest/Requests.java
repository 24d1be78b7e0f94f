package dev.kassa.terminal.rest;

import dev.kassa.common.api.Limits;
import dev.kassa.common.api.bounds.Amount;
import dev.kassa.common.api.bounds.Code;
import dev.kassa.common.api.bounds.Name;
import dev.kassa.common.api.bounds.Text;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.util.List;

/** Request bodies of the terminal service (camelCase or snake_case on the wire). */
public final class Requests {
    /** Store codes become part of terminal ids and URLs. */
    static final String CODE = "[A-Za-z0-9_\\-]{1,32}";
    static final String YYYYMMDD = "\\d{8}";

    private Requests() {
    }

    public record TenantCreate(@NotBlank String tenantId, @NotBlank @Size(max = 200) String tenantName,
                               @NotNull @Size(max = Limits.LIST_MAX) List<@NotNull @Name String> tags) {
    }

    public record TenantUpdate(@NotBlank @Size(max = 200) String tenantName,
                               @NotNull @Size(max = Limits.LIST_MAX) List<@NotNull @Name String> tags) {
    }

    public record StoreCreate(@NotBlank @Pattern(regexp = CODE) String storeCode,
                              @NotBlank @Size(max = 200) String storeName,
                              @Code String status,
                              @Pattern(regexp = YYYYMMDD) String businessDate,
                              @Size(max = Limits.LIST_MAX) List<@NotNull @Name String> tags) {
    }

    public record StoreUpdate(@NotBlank @Size(max = 200) String storeName, @Code String status,
                              @Pattern(regexp = YYYYMMDD) String businessDate,
                              @Size(max = Limits.LIST_MAX) List<@NotNull @Name String> tags) {
    }

    public record TerminalCreate(@NotBlank @Pattern(regexp = CODE) String storeCode,
                                 @NotNull @Min(1) @Max(999999) Integer terminalNo,
                                 @NotNull @Size(max = 500) String description) {
    }

    public record TerminalUpdate(@NotNull @Size(max = 500) String description) {
    }

    public record FunctionModeUpdate(@NotBlank @Code String functionMode) {
    }

    public record SignIn(@NotBlank @Code String staffId) {
    }

    public record Open(@PositiveOrZero @Amount BigDecimal initialAmount) {
    }

    public record Close(@PositiveOrZero @Amount BigDecimal physicalAmount) {
    }

    /**
     * Cash in or out. A cash in with {@code customerCode} is a credit repayment of that customer;
     * {@code repaymentId} (optional, the client's) is the id the customer's ledger posts it under.
     */
    public record CashInOut(@NotNull @Positive @Amount BigDecimal amount, @Size(max = 200) String description,
                            @Code String customerCode, @Code String repaymentId) {
    }

    public record DeliveryStatusUpdate(@NotBlank @Code String eventId, @NotBlank @Code String service,
                                       @NotBlank @Pattern(regexp = "received|failed") String status,
                                       @Text String message) {
    }
}
