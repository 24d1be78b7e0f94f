package dev.kassa.common.text;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Dates as Kugel's receipts, journals and report slips print them: {@code 2026年03月15日(日) 10:10} and
 * {@code 2026年03月15日(日)}. Shared by the cart's receipts, the terminal's open/close and cash slips and
 * the report's slips.
 */
public final class JapaneseDates {
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy年MM月dd日");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");
    private static final String[] WEEKDAYS = {"月", "火", "水", "木", "金", "土", "日"};

    private JapaneseDates() {
    }

    /** {@code 2026年03月15日(日) 10:10} */
    public static String dateTime(LocalDateTime t) {
        return date(t.toLocalDate()) + " " + TIME.format(t);
    }

    /**
     * An ISO-8601 date-time ({@code 2026-03-15T10:10:00+09:00}, or without offset) as {@link #dateTime(LocalDateTime)}:
     * in {@code zone}, or in the time's own offset when {@code zone} is null; blank is "", anything else as it is.
     */
    public static String dateTime(String value, ZoneId zone) {
        if (value == null || value.isBlank()) {
            return "";
        }
        LocalDateTime t;
        try {
            OffsetDateTime at = OffsetDateTime.parse(value);
            t = zone == null ? at.toLocalDateTime() : at.atZoneSameInstant(zone).toLocalDateTime();
        } catch (DateTimeParseException e) {
            try {
                t = LocalDateTime.parse(value);
            } catch (DateTimeParseException e2) {
                return value;
            }
        }
        return dateTime(t);
    }

    /** A business date {@code 20260315} as {@code 2026年03月15日(日)}; null is "", anything else as it is. */
    public static String businessDate(String yyyymmdd) {
        if (yyyymmdd == null || !yyyymmdd.matches("\\d{8}")) {
            return yyyymmdd == null ? "" : yyyymmdd;
        }
        try {
            return date(LocalDate.parse(yyyymmdd, DateTimeFormatter.BASIC_ISO_DATE));
        } catch (DateTimeParseException e) {
            return yyyymmdd;
        }
    }

    private static String date(LocalDate d) {
        return DATE.format(d) + "(" + WEEKDAYS[d.getDayOfWeek().getValue() - 1] + ")";
    }
}
