package dev.kassa.stock.rest;

import dev.kassa.common.api.ApiException;
import dev.kassa.common.api.QueryValues;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/** Checks of path and query values that the JAX-RS binding does not check itself. */
final class PathCodes {
    private static final Pattern CODE = Pattern.compile("[^\\s/\\\\]{1,64}");

    private PathCodes() {
    }

    /** A store or item code: 1 to 64 characters, no blanks or slashes; else 422. */
    static String code(String name, String value) {
        if (value == null || !CODE.matcher(value).matches()) {
            throw ApiException.validation("Invalid input data: " + name
                    + " must be 1 to 64 characters without spaces or slashes");
        }
        return value;
    }

    /** A whole-number query value (page, limit); a value that is not one is a 422, like any bad input. */
    static Integer integer(String name, String value) {
        return QueryValues.optionalInt(name, value);
    }

    /**
     * A date or date-time of the snapshot range: with an offset as given; without one in the
     * service's zone; a bare date is its first moment (start) or its last (end).
     */
    static OffsetDateTime bound(String name, String value, ZoneId zone, boolean end) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim();
        try {
            if (v.length() == 10) {
                LocalDate d = LocalDate.parse(v);
                return end ? d.plusDays(1).atStartOfDay(zone).toOffsetDateTime().minusNanos(1000)
                        : d.atStartOfDay(zone).toOffsetDateTime();
            }
            try {
                return OffsetDateTime.parse(v).withOffsetSameInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                return LocalDateTime.parse(v).atZone(zone).toOffsetDateTime().withOffsetSameInstant(ZoneOffset.UTC);
            }
        } catch (DateTimeParseException e) {
            throw ApiException.validation("Invalid input data: " + name + " must be an ISO date or date-time");
        }
    }
}
