package dev.kassa.terminal.domain;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SessionCountersTest {
    private static final LocalDate JUNE_2 = LocalDate.of(2025, 6, 2);

    @Test
    void theFirstOpenStartsTheDayAndTheBusinessCounter() {
        assertEquals(new SessionCounters("20250602", 1, 1), new SessionCounters(null, 0, 0).open(JUNE_2));
    }

    @Test
    void anotherOpenOnTheSameDayCountsOnAndTheBusinessCounterAlways() {
        SessionCounters second = new SessionCounters("20250602", 1, 1).open(JUNE_2);
        assertEquals(new SessionCounters("20250602", 2, 2), second);
        assertEquals(new SessionCounters("20250602", 3, 3), second.open(JUNE_2));
    }

    @Test
    void aNewDayStartsTheOpenCounterAgain() {
        assertEquals(new SessionCounters("20250603", 1, 8),
                new SessionCounters("20250602", 4, 7).open(JUNE_2.plusDays(1)));
        assertEquals(new SessionCounters("20260101", 1, 8),
                new SessionCounters("20251231", 2, 7).open(LocalDate.of(2026, 1, 1)));
    }
}
