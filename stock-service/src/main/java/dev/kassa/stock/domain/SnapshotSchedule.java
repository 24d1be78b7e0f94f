package dev.kassa.stock.domain;

import java.time.OffsetDateTime;
import java.util.List;

/** A tenant's snapshot schedule as stored (hours and minutes in the service's time zone). */
public record SnapshotSchedule(
        boolean enabled,
        String interval,
        int hour,
        int minute,
        Integer dayOfWeek,
        Integer dayOfMonth,
        int retentionDays,
        List<String> targetStores,
        OffsetDateTime lastExecutedAt,
        OffsetDateTime createdAt,
        OffsetDateTime updatedAt,
        String createdBy,
        String updatedBy) {

    public static final String DAILY = "daily";
    public static final String WEEKLY = "weekly";
    public static final String MONTHLY = "monthly";
    public static final List<String> INTERVALS = List.of(DAILY, WEEKLY, MONTHLY);
    public static final List<String> ALL_STORES = List.of("all");

    /** Kugel's default for a tenant that never set one: daily at 02:00, kept 30 days. */
    public static SnapshotSchedule defaults(OffsetDateTime now) {
        return new SnapshotSchedule(true, DAILY, 2, 0, null, null, 30, ALL_STORES, null, now, now, "system",
                "system");
    }

    public boolean allStores() {
        return targetStores.contains("all");
    }
}
