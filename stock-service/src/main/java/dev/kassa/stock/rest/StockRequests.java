package dev.kassa.stock.rest;

import dev.kassa.common.api.Limits;
import dev.kassa.common.api.bounds.Code;
import dev.kassa.common.api.bounds.Name;
import dev.kassa.common.api.bounds.Quantity;
import dev.kassa.common.api.bounds.Text;
import dev.kassa.stock.domain.UpdateType;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import jakarta.validation.constraints.DecimalMin;
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
            @NotNull @Quantity BigDecimal quantityChange,
            @NotNull UpdateType updateType,
            @Code String referenceId,
            @Code String operatorId,
            @Text String note) {
    }

    public record MinimumRequest(@NotNull @DecimalMin("0") @Quantity BigDecimal minimumQuantity) {
    }

    public record ReorderRequest(
            @NotNull @DecimalMin("0") @Quantity BigDecimal reorderPoint,
            @NotNull @DecimalMin("0") @Quantity BigDecimal reorderQuantity) {
    }

    public record SnapshotRequest(@Size(min = 1) @Name String createdBy) {
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
            @Size(min = 1, max = Limits.LIST_MAX) List<@NotBlank @Code String> targetStores) {
    }
}
