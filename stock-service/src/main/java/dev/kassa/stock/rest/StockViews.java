package dev.kassa.stock.rest;

import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import dev.kassa.common.api.PageMetadata;
import dev.kassa.stock.domain.SnapshotSchedule;
import dev.kassa.stock.domain.StockChange;
import dev.kassa.stock.domain.StockLevel;
import dev.kassa.stock.domain.StockSnapshot;
import dev.kassa.stock.domain.UpdateType;
import dev.kassa.stock.service.ScheduleService;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

/** What the stock API answers with (camelCase, except the schedule, which Kugel sends in snake_case). */
public final class StockViews {

    private StockViews() {
    }

    /** Stock lists nest their paging inside {@code data}, as Kugel does. */
    public record Paginated<T>(List<T> data, PageMetadata metadata) {
    }

    public record StockView(String tenantId, String storeCode, String itemCode, BigDecimal currentQuantity,
                            BigDecimal minimumQuantity, BigDecimal reorderPoint, BigDecimal reorderQuantity,
                            OffsetDateTime lastUpdated, String lastTransactionId) {

        static StockView of(String tenant, StockLevel l) {
            return new StockView(tenant, l.storeCode(), l.itemCode(), l.currentQuantity(), l.minimumQuantity(),
                    l.reorderPoint(), l.reorderQuantity(), l.lastUpdated(), l.lastTransactionId());
        }
    }

    public record StockUpdateView(String tenantId, String storeCode, String itemCode, UpdateType updateType,
                                  BigDecimal quantityChange, BigDecimal beforeQuantity, BigDecimal afterQuantity,
                                  String referenceId, OffsetDateTime timestamp, String operatorId, String note) {

        static StockUpdateView of(String tenant, StockChange c) {
            return new StockUpdateView(tenant, c.storeCode(), c.itemCode(), c.updateType(), c.quantityChange(),
                    c.beforeQuantity(), c.afterQuantity(), c.referenceId(), c.timestamp(), c.operatorId(), c.note());
        }
    }

    public record SnapshotItemView(String itemCode, BigDecimal quantity, BigDecimal minimumQuantity,
                                   BigDecimal reorderPoint, BigDecimal reorderQuantity) {
    }

    /** Kugel's snapshot plus {@code snapshotId}, which its answers lack but {@code GET …/snapshot/{id}} needs. */
    public record SnapshotView(String snapshotId, String tenantId, String storeCode, int totalItems,
                               BigDecimal totalQuantity, List<SnapshotItemView> stocks, String createdBy,
                               OffsetDateTime createdAt, OffsetDateTime updatedAt, String generateDateTime) {

        static SnapshotView of(String tenant, StockSnapshot s) {
            return new SnapshotView(s.snapshotId(), tenant, s.storeCode(), s.totalItems(), s.totalQuantity(),
                    s.items().stream().map(i -> new SnapshotItemView(i.itemCode(), i.quantity(), i.minimumQuantity(),
                            i.reorderPoint(), i.reorderQuantity())).toList(),
                    s.createdBy(), s.createdAt(), s.createdAt(), s.generateDateTime());
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record ScheduleView(boolean enabled, String scheduleInterval, int scheduleHour, int scheduleMinute,
                               Integer scheduleDayOfWeek, Integer scheduleDayOfMonth, int retentionDays,
                               List<String> targetStores, String tenantId, OffsetDateTime lastExecutedAt,
                               OffsetDateTime nextExecutionAt, OffsetDateTime createdAt, OffsetDateTime updatedAt,
                               String createdBy, String updatedBy) {

        static ScheduleView of(String tenant, ScheduleService.Current c) {
            SnapshotSchedule s = c.schedule();
            return new ScheduleView(s.enabled(), s.interval(), s.hour(), s.minute(), s.dayOfWeek(), s.dayOfMonth(),
                    s.retentionDays(), s.targetStores(), tenant, s.lastExecutedAt(),
                    c.nextExecution() == null ? null : c.nextExecution().toOffsetDateTime(), s.createdAt(),
                    s.updatedAt(), s.createdBy(), s.updatedBy());
        }
    }

}
