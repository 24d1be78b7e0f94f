package dev.kassa.report.domain;

/**
 * What a report is about; its fields open every report's {@code data}. {@code terminalNo} is null
 * for a store report, {@code businessDate} null for a range.
 */
public record ReportHeader(
        String tenantId,
        String storeCode,
        Integer terminalNo,
        String businessDate,
        String businessDateFrom,
        String businessDateTo,
        Integer openCounter,
        Integer businessCounter,
        String reportScope,
        String reportType,
        String generateDateTime) {

    public static ReportHeader of(ReportRequest r, String generateDateTime) {
        return new ReportHeader(r.tenantId(), r.storeCode(), r.terminalNo(), r.period().businessDate(),
                r.period().from(), r.period().to(), r.openCounter(), r.businessCounter(), r.scope().wire(),
                r.type().wire(), generateDateTime);
    }

    /** The period as a person reads it on the slip. */
    public String periodText() {
        return businessDate != null ? businessDate : businessDateFrom + "-" + businessDateTo;
    }
}
