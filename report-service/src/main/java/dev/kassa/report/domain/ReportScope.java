package dev.kassa.report.domain;

import dev.kassa.common.api.ApiException;

import java.util.Locale;

/** Flash (during the day) or daily (after the close, verified); {@code flush} is Kugel's old name of flash. */
public enum ReportScope {
    FLASH("flash", 501),
    DAILY("daily", 502);

    private final String wire;
    private final int journalType;

    ReportScope(String wire, int journalType) {
        this.wire = wire;
        this.journalType = journalType;
    }

    public String wire() {
        return wire;
    }

    /** The journal's transaction type of a pushed report. */
    public int journalType() {
        return journalType;
    }

    public static ReportScope parse(String value) {
        if (value == null || value.isBlank()) {
            throw ApiException.validation("Invalid input data: report_scope: field required");
        }
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "flash", "flush" -> FLASH;
            case "daily" -> DAILY;
            default -> throw ReportErrors.unknownScope(value);
        };
    }
}
