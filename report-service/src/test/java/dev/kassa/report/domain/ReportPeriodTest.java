package dev.kassa.report.domain;

import dev.kassa.common.api.ApiException;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReportPeriodTest {

    private static void refused(String date, String from, String to) {
        ApiException e = assertThrows(ApiException.class, () -> ReportPeriod.of(date, from, to));
        assertEquals(400, e.status());
        assertEquals(ReportErrors.REPORT_DATE, e.errorCode());
    }

    @Test
    void aSingleDateOrARangeWhichWins() {
        assertEquals("20260315", ReportPeriod.of("20260315", null, null).businessDate());
        ReportPeriod range = ReportPeriod.of("20260315", "20260301", "20260331");
        assertTrue(range.isRange());
        assertEquals(31, range.days());
    }

    @Test
    void badDatesAre400() {
        refused(null, null, null);
        refused("2026-03-15", null, null);
        refused("20260230", null, null);
        refused(null, "20260301", null);
        refused(null, "20260331", "20260301");
    }

    @Test
    void scopesAndTypes() {
        assertEquals(ReportScope.FLASH, ReportScope.parse("flush"));
        assertEquals(ReportScope.DAILY, ReportScope.parse("Daily"));
        assertEquals("412005", assertThrows(ApiException.class, () -> ReportScope.parse("weekly")).errorCode());
        assertEquals("412001", assertThrows(ApiException.class, () -> ReportType.parse("stock")).errorCode());
        assertEquals(ReportType.PROMOTION, ReportType.parse("promotion"));
    }
}
