package dev.kassa.report.domain;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;

/**
 * One business date, or a range of them (both ends included). Dates are {@code YYYYMMDD} and
 * compare as text, as they are stored.
 */
public record ReportPeriod(String businessDate, String from, String to) {

    /** The longest range a dashboard reads at once. */
    public static final int MAX_RANGE_DAYS = 366;

    public boolean isRange() {
        return businessDate == null;
    }

    public static ReportPeriod single(String date) {
        return new ReportPeriod(requireDate("business_date", date), null, null);
    }

    public static ReportPeriod range(String from, String to) {
        LocalDate f = parse("business_date_from", from);
        LocalDate t = parse("business_date_to", to);
        if (f.isAfter(t)) {
            throw ReportErrors.date("business_date_from (" + from + ") is after business_date_to (" + to + ")");
        }
        return new ReportPeriod(null, from, to);
    }

    /**
     * Kugel's rule: a range (both ends) wins over a single date; neither is a 400. Kassa also
     * refuses a range with one end only, rather than reading without a bound.
     */
    public static ReportPeriod of(String businessDate, String from, String to) {
        boolean hasFrom = from != null && !from.isBlank();
        boolean hasTo = to != null && !to.isBlank();
        if (hasFrom && hasTo) {
            return range(from, to);
        }
        if (hasFrom || hasTo) {
            throw ReportErrors.date("business_date_from and business_date_to must be given together");
        }
        if (businessDate == null || businessDate.isBlank()) {
            throw ReportErrors.date(
                    "Either business_date or both business_date_from and business_date_to must be specified");
        }
        return single(businessDate);
    }

    public String first() {
        return isRange() ? from : businessDate;
    }

    public String last() {
        return isRange() ? to : businessDate;
    }

    public long days() {
        return ChronoUnit.DAYS.between(parse("from", first()), parse("to", last())) + 1;
    }

    static String requireDate(String name, String value) {
        parse(name, value);
        return value;
    }

    static LocalDate parse(String name, String value) {
        if (value == null || value.length() != 8) {
            throw ReportErrors.date(name + " must be a date as YYYYMMDD: " + value);
        }
        try {
            return LocalDate.parse(value, DateTimeFormatter.BASIC_ISO_DATE);
        } catch (DateTimeParseException e) {
            throw ReportErrors.date(name + " must be a date as YYYYMMDD: " + value);
        }
    }
}
