package dev.kassa.journal.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Instant;
import java.time.ZoneId;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DateTimesTest {
    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    @ParameterizedTest
    @CsvSource({
            "2026-01-01T10:00:00+09:00, 2026-01-01T01:00:00Z",
            "2026-01-01T01:00:00Z, 2026-01-01T01:00:00Z",
            "2025-12-31T20:00:00-05:00, 2026-01-01T01:00:00Z",
            "2026-01-01T10:00:00.123456+09:00, 2026-01-01T01:00:00.123456Z",
            "2026-01-01T10:00:00, 2026-01-01T01:00:00Z",
            "2026-01-01T10:00:00.5, 2026-01-01T01:00:00.500Z",
            "2026-01-01 10:00:00, 2026-01-01T01:00:00Z",
            "20260101T100000, 2026-01-01T01:00:00Z",
            "2026-01-01T10:00:00 09:00, 2026-01-01T01:00:00Z",
            "2026-01-01T10:00+09:00, 2026-01-01T01:00:00Z"})
    void readsEveryFormAsAnInstant(String text, String instant) {
        assertEquals(Instant.parse(instant), DateTimes.parse(text, TOKYO));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "yesterday", "2026-01-01", "2026-13-01T00:00:00Z", "2026-02-30T00:00:00",
            "20260230T000000", "2026-01-01T25:00:00Z", "1735689600"})
    void refusesWhatIsNoDateTime(String text) {
        assertThrows(IllegalArgumentException.class, () -> DateTimes.parse(text, TOKYO));
    }

    @Test
    void businessDates() {
        assertTrue(DateTimes.isBusinessDate("20260101"));
        assertTrue(DateTimes.isBusinessDate("20240229"));
        assertFalse(DateTimes.isBusinessDate("20250229"));
        assertFalse(DateTimes.isBusinessDate("2026-01-01"));
        assertFalse(DateTimes.isBusinessDate("2026011"));
        assertFalse(DateTimes.isBusinessDate(null));
        assertFalse(DateTimes.isBusinessDate("abcdefgh"));
    }
}
