package dev.kassa.stock.rest;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.kassa.stock.domain.UpdateType;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.util.List;

/** Request bodies of the stock API (either casing is accepted for every field). */
public final class StockRequests {

    private StockRequests() {
    }

    public record TenantRequest(@NotBlank String tenantId) {
    }

    public record UpdateRequest(
            @NotNull @Digits(integer = 15, fraction = 3) BigDecimal quantityChange,
            @NotNull UpdateType updateType,
            @Size(max = 255) String referenceId,
            @Size(max = 255) String operatorId,
            @Size(max = 1000) String note) {
    }

    public record MinimumRequest(@NotNull @DecimalMin("0") @Digits(integer = 15, fraction = 3) BigDecimal minimumQuantity) {
    }

    public record ReorderRequest(
            @NotNull @DecimalMin("0") @Digits(integer = 15, fraction = 3) BigDecimal reorderPoint,
            @NotNull @DecimalMin("0") @Digits(integer = 15, fraction = 3) BigDecimal reorderQuantity) {
    }

    public record SnapshotRequest(@Size(min = 1, max = 255) String createdBy) {
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record ScheduleRequest(
            Boolean enabled,
            @NotNull @Pattern(regexp = "daily|weekly|monthly", message = "must be daily, weekly or monthly")
            String scheduleInterval,
            @NotNull @Min(0) @Max(23) Integer scheduleHour,
            @Min(0) @Max(59) Integer scheduleMinute,
            @Min(0) @Max(6) Integer scheduleDayOfWeek,
            @Min(1) @Max(31) Integer scheduleDayOfMonth,
            @Min(1) @Max(365) Integer retentionDays,
            @Size(min = 1, max = 1000) List<@NotBlank @Size(max = 64) String> targetStores) {
    }
}
