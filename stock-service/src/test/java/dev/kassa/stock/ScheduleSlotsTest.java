package dev.kassa.stock;

import dev.kassa.stock.domain.ScheduleSlots;
import dev.kassa.stock.domain.SnapshotSchedule;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** When schedules fire (plain JUnit). */
class ScheduleSlotsTest {
    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    private static final Duration GRACE = Duration.ofHours(1);
    private static final OffsetDateTime SET_LONG_AGO = OffsetDateTime.parse("2020-01-01T00:00:00Z");

    private static SnapshotSchedule schedule(String interval, int hour, int minute, Integer dow, Integer dom,
                                             OffsetDateTime updatedAt) {
        return new SnapshotSchedule(true, interval, hour, minute, dow, dom, 30, List.of("all"), null, updatedAt,
                updatedAt, "t", "t");
    }

    private static Instant tokyo(String local) {
        return ZonedDateTime.of(java.time.LocalDateTime.parse(local), TOKYO).toInstant();
    }

    @Test
    void dailyFiresAtItsTimeAndIsDueWithinTheGrace() {
        SnapshotSchedule s = schedule("daily", 2, 0, null, null, SET_LONG_AGO);
        assertEquals(tokyo("2025-03-10T02:00"), ScheduleSlots.latestAtOrBefore(s, tokyo("2025-03-10T02:00"), TOKYO).toInstant());
        assertEquals(tokyo("2025-03-09T02:00"), ScheduleSlots.latestAtOrBefore(s, tokyo("2025-03-10T01:59"), TOKYO).toInstant());
        assertEquals(tokyo("2025-03-11T02:00"), ScheduleSlots.nextAfter(s, tokyo("2025-03-10T02:00"), TOKYO).toInstant());
        assertEquals(tokyo("2025-03-10T02:00"), ScheduleSlots.nextAfter(s, tokyo("2025-03-10T01:00"), TOKYO).toInstant());
        assertTrue(ScheduleSlots.due(s, tokyo("2025-03-10T02:00:30"), TOKYO, GRACE).isPresent());
        assertTrue(ScheduleSlots.due(s, tokyo("2025-03-10T03:00"), TOKYO, GRACE).isPresent());
        assertTrue(ScheduleSlots.due(s, tokyo("2025-03-10T03:00:01"), TOKYO, GRACE).isEmpty());
        assertEquals("2025-03-09T17:00:00Z", ScheduleSlots.key(ScheduleSlots.due(s, tokyo("2025-03-10T02:10"), TOKYO,
                GRACE).orElseThrow()));
    }

    @Test
    void weeklyCountsDaysFromMondayZero() {
        // 2025-03-10 is a Monday; day 2 is Wednesday.
        SnapshotSchedule s = schedule("weekly", 23, 30, 2, null, SET_LONG_AGO);
        assertEquals(tokyo("2025-03-12T23:30"), ScheduleSlots.nextAfter(s, tokyo("2025-03-10T00:00"), TOKYO).toInstant());
        assertEquals(tokyo("2025-03-05T23:30"), ScheduleSlots.latestAtOrBefore(s, tokyo("2025-03-12T23:29"), TOKYO).toInstant());
        assertEquals(tokyo("2025-03-12T23:30"), ScheduleSlots.latestAtOrBefore(s, tokyo("2025-03-13T10:00"), TOKYO).toInstant());
        SnapshotSchedule sunday = schedule("weekly", 0, 0, 6, null, SET_LONG_AGO);
        assertEquals(tokyo("2025-03-16T00:00"), ScheduleSlots.nextAfter(sunday, tokyo("2025-03-10T00:00"), TOKYO).toInstant());
    }

    @Test
    void monthlyFiresOnTheLastDayOfShortMonths() {
        SnapshotSchedule s = schedule("monthly", 1, 0, null, 31, SET_LONG_AGO);
        assertEquals(tokyo("2025-02-28T01:00"), ScheduleSlots.nextAfter(s, tokyo("2025-02-01T00:00"), TOKYO).toInstant());
        assertEquals(tokyo("2025-03-31T01:00"), ScheduleSlots.nextAfter(s, tokyo("2025-02-28T01:00"), TOKYO).toInstant());
        assertEquals(tokyo("2024-02-29T01:00"), ScheduleSlots.latestAtOrBefore(s, tokyo("2024-03-15T00:00"), TOKYO).toInstant());
        SnapshotSchedule first = schedule("monthly", 0, 0, null, 1, SET_LONG_AGO);
        assertEquals(tokyo("2025-01-01T00:00"), ScheduleSlots.nextAfter(first, tokyo("2024-12-31T23:59"), TOKYO).toInstant());
    }

    @Test
    void aScheduleDoesNotFireForTimesBeforeItWasSetAndNotWhenDisabled() {
        OffsetDateTime setAt = tokyo("2025-03-10T02:30:40").atOffset(java.time.ZoneOffset.UTC);
        SnapshotSchedule late = schedule("daily", 2, 0, null, null, setAt);
        assertTrue(ScheduleSlots.due(late, tokyo("2025-03-10T02:31"), TOKYO, GRACE).isEmpty());
        // Set within the minute of the slot: that slot still counts.
        SnapshotSchedule sameMinute = schedule("daily", 2, 30, null, null, setAt);
        assertTrue(ScheduleSlots.due(sameMinute, tokyo("2025-03-10T02:31"), TOKYO, GRACE).isPresent());
        SnapshotSchedule off = new SnapshotSchedule(false, "daily", 2, 0, null, null, 30, List.of("all"), null,
                SET_LONG_AGO, SET_LONG_AGO, "t", "t");
        assertTrue(ScheduleSlots.due(off, tokyo("2025-03-10T02:00:30"), TOKYO, GRACE).isEmpty());
    }
}
