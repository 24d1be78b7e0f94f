package dev.kassa.report.domain;

import dev.kassa.common.api.PageRequest;

/** A checked report request: which logs, which maker, which page of its list. */
public record ReportRequest(
        String tenantId,
        String storeCode,
        Integer terminalNo,
        ReportScope scope,
        ReportType type,
        ReportPeriod period,
        Integer openCounter,
        Integer businessCounter,
        PageRequest page) {

    /** Kugel verifies a daily report of a single date only; a range is read as it is. */
    public boolean needsVerification() {
        return scope == ReportScope.DAILY && !period.isRange();
    }
}
