package dev.kassa.stock.domain;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.Optional;

/**
 * When a schedule fires. A slot is the instant of one firing; the replicas of the service all
 * compute the same slot for the same schedule, so claiming it in the database lets only one of
 * them take the snapshot. A monthly day past the end of a short month fires on its last day.
 */
public final class ScheduleSlots {

    private ScheduleSlots() {
    }

    /** The latest firing at or before {@code now}. */
    public static ZonedDateTime latestAtOrBefore(SnapshotSchedule s, Instant now, ZoneId zone) {
        ZonedDateTime at = now.atZone(zone);
        LocalTime time = LocalTime.of(s.hour(), s.minute());
        return switch (s.interval()) {
            case SnapshotSchedule.DAILY -> {
                ZonedDateTime c = ZonedDateTime.of(at.toLocalDate(), time, zone);
                yield c.isAfter(at) ? ZonedDateTime.of(at.toLocalDate().minusDays(1), time, zone) : c;
            }
            case SnapshotSchedule.WEEKLY -> {
                DayOfWeek day = DayOfWeek.of(s.dayOfWeek() == null ? 1 : s.dayOfWeek() + 1);
                LocalDate d = at.toLocalDate().with(TemporalAdjusters.previousOrSame(day));
                ZonedDateTime c = ZonedDateTime.of(d, time, zone);
                yield c.isAfter(at) ? ZonedDateTime.of(d.minusWeeks(1), time, zone) : c;
            }
            case SnapshotSchedule.MONTHLY -> {
                YearMonth month = YearMonth.from(at);
                ZonedDateTime c = ZonedDateTime.of(dayIn(month, s.dayOfMonth()), time, zone);
                yield c.isAfter(at) ? ZonedDateTime.of(dayIn(month.minusMonths(1), s.dayOfMonth()), time, zone) : c;
            }
            default -> throw new IllegalArgumentException("Unknown schedule interval " + s.interval());
        };
    }

    /** The first firing after {@code now}. */
    public static ZonedDateTime nextAfter(SnapshotSchedule s, Instant now, ZoneId zone) {
        ZonedDateTime latest = latestAtOrBefore(s, now, zone);
        LocalTime time = LocalTime.of(s.hour(), s.minute());
        return switch (s.interval()) {
            case SnapshotSchedule.DAILY -> ZonedDateTime.of(latest.toLocalDate().plusDays(1), time, zone);
            case SnapshotSchedule.WEEKLY -> ZonedDateTime.of(latest.toLocalDate().plusWeeks(1), time, zone);
            default -> ZonedDateTime.of(dayIn(YearMonth.from(latest).plusMonths(1), s.dayOfMonth()), time, zone);
        };
    }

    /**
     * The slot to run at {@code now}, if any: the latest firing, when it is not older than
     * {@code grace} and not earlier than the minute the schedule was last set (a schedule does
     * not fire for times before it existed).
     */
    public static Optional<ZonedDateTime> due(SnapshotSchedule s, Instant now, ZoneId zone, Duration grace) {
        if (!s.enabled()) {
            return Optional.empty();
        }
        ZonedDateTime slot = latestAtOrBefore(s, now, zone);
        Instant setAt = s.updatedAt() == null ? Instant.MIN : s.updatedAt().toInstant().truncatedTo(ChronoUnit.MINUTES);
        if (slot.toInstant().isBefore(setAt)) {
            return Optional.empty();
        }
        if (Duration.between(slot.toInstant(), now).compareTo(grace) > 0) {
            return Optional.empty();
        }
        return Optional.of(slot);
    }

    /** The key of a slot, the same on every replica. */
    public static String key(ZonedDateTime slot) {
        return slot.toInstant().toString();
    }

    private static LocalDate dayIn(YearMonth month, Integer dayOfMonth) {
        int d = dayOfMonth == null ? 1 : dayOfMonth;
        return month.atDay(Math.min(d, month.lengthOfMonth()));
    }
}
