package dev.kassa.report.domain;

import dev.kassa.common.event.CashLog;
import dev.kassa.common.event.OpenCloseLog;
import dev.kassa.common.event.TranLog;
import dev.kassa.report.ScriptedDay;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DailyVerificationTest {

    private final ScriptedDay day = new ScriptedDay("T1", "S1", 1);
    private final DailyVerification.Session session = new DailyVerification.Session("S1", 1, ScriptedDay.DATE, 1);

    private Optional<String> check(List<TranLog> trans, List<CashLog> cash, List<OpenCloseLog> oc) {
        return DailyVerification.problem(session, new DayLogs(trans, cash, oc));
    }

    @Test
    void theWholeDayIsComplete() {
        assertEquals(Optional.empty(), check(day.trans, day.cash, List.of(day.open, day.close)));
        assertEquals(List.of(session), List.copyOf(DailyVerification.sessions(
                new DayLogs(day.trans, day.cash, List.of(day.open, day.close)))));
    }

    /**
     * A credit repayment taken in the back office is a cash log of terminal 0 with no session: the terminal's
     * day is still complete, and the store's cash in counts it: one more cash in, of 700.
     */
    @Test
    void aBackOfficeRepaymentOpensNoSessionAndCountsAsTheStoresCashIn() {
        CashLog desk = new CashLog("bo-1", CashLog.EVENT_TYPE, "T1", "S1", null, CashLog.BACK_OFFICE, "admin",
                "admin", ScriptedDay.DATE, 0, 0, "2026-03-15T12:00:00.000+09:00", new BigDecimal("700"),
                "Credit repayment RAVI", "slip", "slip", "RAVI", "BO-1");
        List<CashLog> cash = new ArrayList<>(day.cash);
        cash.add(desk);
        DayLogs logs = new DayLogs(day.trans, cash, List.of(day.open, day.close));
        assertEquals(List.of(session), List.copyOf(DailyVerification.sessions(logs)));
        assertEquals(Optional.empty(), DailyVerification.problem(session, logs));
        SalesReport.Cash withDesk = SalesReportMaker.cash(BigDecimal.ZERO, cash, List.of(day.close));
        SalesReport.Cash tillOnly = SalesReportMaker.cash(BigDecimal.ZERO, day.cash, List.of(day.close));
        assertEquals(0, tillOnly.cashIn().amount().add(new BigDecimal("700")).compareTo(withDesk.cashIn().amount()));
        assertEquals(tillOnly.cashIn().count() + 1, withDesk.cashIn().count());
    }

    @Test
    void withoutTheCloseLogTheTerminalIsNotClosed() {
        assertTrue(check(day.trans, day.cash, List.of(day.open)).orElseThrow().contains("No close log"));
    }

    @Test
    void withoutTheOpenLog() {
        assertTrue(check(day.trans, day.cash, List.of(day.close)).orElseThrow().contains("No open log"));
    }

    @Test
    void aMissingTransactionOrCashLogIsFound() {
        List<TranLog> seven = new ArrayList<>(day.trans.subList(0, 7));
        assertTrue(check(seven, day.cash, List.of(day.open, day.close)).orElseThrow()
                .contains("expected 8, received 7"));
        List<CashLog> two = day.cash.subList(0, 2);
        assertTrue(check(day.trans, two, List.of(day.open, day.close)).orElseThrow()
                .contains("Missing cash in/out logs"));
    }

    @Test
    void theLastNumberAndTimeMustMatch() {
        List<TranLog> renumbered = new ArrayList<>(day.trans.subList(0, 7));
        renumbered.add(day.apple(9, "2026-03-15T15:30:00.000+09:00"));
        assertTrue(check(renumbered, day.cash, List.of(day.open, day.close)).orElseThrow()
                .contains("expected the last number 8"));
        List<CashLog> moved = new ArrayList<>(day.cash.subList(0, 2));
        moved.add(day.cash("2026-03-15T16:30:00.000+09:00", "-2000", "late"));
        assertTrue(check(day.trans, moved, List.of(day.open, day.close)).orElseThrow()
                .contains("expected the last at"));
    }

    @Test
    void timesCompareAsInstants() {
        assertTrue(DailyVerification.sameTime("2026-03-15T16:00:00.000+09:00", "2026-03-15T07:00:00Z"));
        assertTrue(DailyVerification.compareTimes("2026-03-15T10:00:00.5Z", "2026-03-15T10:00:00Z") > 0);
    }

    @Test
    void anEmptySessionClosedWithZeroCountsIsComplete() {
        OpenCloseLog close = day.openClose(OpenCloseLog.CLOSE, "2026-03-15T17:00:00.000+09:00", BigDecimal.ZERO,
                0, null, 0, null);
        assertEquals(Optional.empty(), check(List.of(), List.of(), List.of(day.open, close)));
    }
}
