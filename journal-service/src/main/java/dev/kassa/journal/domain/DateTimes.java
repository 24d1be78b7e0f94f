package dev.kassa.journal.domain;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;

/**
 * Date-times of logs and of search parameters, read as instants so that they compare correctly
 * whatever offset they were written with. Accepted: ISO-8601 with an offset or {@code Z}; ISO-8601
 * without an offset (Kugel's {@code isoformat()}, also with a space instead of {@code T}); and
 * {@code YYYYMMDDTHHMMSS} (Kugel's OpenAPI). Times without an offset are in the shop's zone.
 */
public final class DateTimes {
    private static final DateTimeFormatter BASIC = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss")
            .withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter BUSINESS_DATE = DateTimeFormatter.ofPattern("uuuuMMdd")
            .withResolverStyle(ResolverStyle.STRICT);

    private DateTimes() {
    }

    /** The instant of {@code text}, or an {@link IllegalArgumentException} saying what is accepted. */
    public static Instant parse(String text, ZoneId zone) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("a date-time is required");
        }
        String t = text.trim();
        if (t.length() > 10 && t.charAt(10) == ' ') {
            t = t.substring(0, 10) + 'T' + t.substring(11);
        }
        // A '+' of an offset that reached us unencoded in a query string arrives as a space.
        t = t.replace(' ', '+');
        try {
            return OffsetDateTime.parse(t, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException ignored) {
            // not with an offset: try the local forms
        }
        try {
            return LocalDateTime.parse(t, DateTimeFormatter.ISO_LOCAL_DATE_TIME).atZone(zone).toInstant();
        } catch (DateTimeParseException ignored) {
            // nor ISO local
        }
        try {
            return LocalDateTime.parse(t, BASIC).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + text + "' is not a date-time: use ISO-8601 with an offset "
                    + "(2026-01-31T10:00:00+09:00 or ...Z), ISO-8601 local time, or YYYYMMDDTHHMMSS");
        }
    }

    /** True for a real calendar date written {@code YYYYMMDD}. */
    public static boolean isBusinessDate(String text) {
        if (text == null || text.length() != 8) {
            return false;
        }
        try {
            LocalDate.parse(text, BUSINESS_DATE);
            return true;
        } catch (DateTimeException e) {
            return false;
        }
    }
}
