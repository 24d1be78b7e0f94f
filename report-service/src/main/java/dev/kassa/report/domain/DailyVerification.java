package dev.kassa.report.domain;

import dev.kassa.common.event.CashLog;
import dev.kassa.common.event.OpenCloseLog;
import dev.kassa.common.event.TranLog;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Whether everything a terminal session's close log announces has arrived (kugel-flows.md step 28):
 * an open log, a close log, as many cash logs as the close counted with the same last time, and as
 * many transactions (cancelled ones included) with the same last number.
 */
public final class DailyVerification {

    private DailyVerification() {
    }

    /** One opening of one terminal: what a close log closes. */
    public record Session(String storeCode, int terminalNo, String businessDate, int openCounter)
            implements Comparable<Session> {

        /** The id of its verification record. */
        public String key() {
            return storeCode + "|" + terminalNo + "|" + businessDate + "|" + openCounter;
        }

        @Override
        public int compareTo(Session o) {
            return Comparator.comparing(Session::storeCode).thenComparingInt(Session::terminalNo)
                    .thenComparing(Session::businessDate).thenComparingInt(Session::openCounter).compare(this, o);
        }

        @Override
        public String toString() {
            return "terminal " + terminalNo + " session " + openCounter + " of " + businessDate;
        }
    }

    /**
     * Every session any received log of the period belongs to. A cash log of the back office (terminal 0:
     * a credit repayment taken there) belongs to no terminal session, so it has nothing to verify.
     */
    public static Set<Session> sessions(DayLogs logs) {
        Set<Session> sessions = new TreeSet<>();
        logs.tranLogs().forEach(t -> sessions.add(new Session(t.storeCode(), t.terminalNo(), t.businessDate(),
                t.openCounter())));
        logs.cashLogs().stream().filter(c -> c.terminalNo() != CashLog.BACK_OFFICE).forEach(c -> sessions.add(
                new Session(c.storeCode(), c.terminalNo(), c.businessDate(), c.openCounter())));
        logs.openCloseLogs().forEach(o -> sessions.add(new Session(o.storeCode(), o.terminalNo(), o.businessDate(),
                o.openCounter())));
        return sessions;
    }

    /** Empty when the session is complete, else what is missing. */
    public static Optional<String> problem(Session s, DayLogs logs) {
        List<OpenCloseLog> openClose = logs.openCloseLogs().stream().filter(o -> in(s, o.storeCode(), o.terminalNo(),
                o.businessDate(), o.openCounter())).toList();
        if (openClose.stream().noneMatch(o -> OpenCloseLog.OPEN.equals(o.operation()))) {
            return Optional.of("No open log received for " + s);
        }
        Optional<OpenCloseLog> close = openClose.stream().filter(o -> OpenCloseLog.CLOSE.equals(o.operation()))
                .max((a, b) -> compareTimes(a.generateDateTime(), b.generateDateTime()));
        if (close.isEmpty()) {
            return Optional.of("No close log received for " + s + ": the terminal is not closed");
        }
        OpenCloseLog c = close.get();

        List<CashLog> cash = logs.cashLogs().stream().filter(l -> in(s, l.storeCode(), l.terminalNo(),
                l.businessDate(), l.openCounter())).toList();
        int expectedCash = c.cashInOutCount() == null ? 0 : c.cashInOutCount();
        if (cash.size() != expectedCash) {
            return Optional.of("Missing cash in/out logs for " + s + ": expected " + expectedCash + ", received "
                    + cash.size());
        }
        if (!cash.isEmpty()) {
            String last = cash.stream().map(CashLog::generateDateTime)
                    .max(DailyVerification::compareTimes).orElse(null);
            if (!sameTime(last, c.cashInOutLastDatetime())) {
                return Optional.of("Missing cash in/out logs for " + s + ": expected the last at "
                        + c.cashInOutLastDatetime() + ", received the last at " + last);
            }
        }

        List<TranLog> trans = logs.tranLogs().stream().filter(t -> in(s, t.storeCode(), t.terminalNo(),
                t.businessDate(), t.openCounter())).toList();
        int expectedTrans = c.cartTransactionCount() == null ? 0 : c.cartTransactionCount();
        if (trans.size() != expectedTrans) {
            return Optional.of("Missing transaction logs for " + s + ": expected " + expectedTrans + ", received "
                    + trans.size());
        }
        if (!trans.isEmpty()) {
            long last = trans.stream().mapToLong(TranLog::transactionNo).max().orElse(0);
            if (c.cartTransactionLastNo() == null || last != c.cartTransactionLastNo()) {
                return Optional.of("Missing transaction logs for " + s + ": expected the last number "
                        + c.cartTransactionLastNo() + ", received the last number " + last);
            }
        }
        return Optional.empty();
    }

    private static boolean in(Session s, String store, int terminalNo, String date, int openCounter) {
        return s.storeCode().equals(store) && s.terminalNo() == terminalNo && s.businessDate().equals(date)
                && s.openCounter() == openCounter;
    }

    /** Times compare as instants when they carry an offset, else as written. */
    static boolean sameTime(String a, String b) {
        if (a == null || b == null) {
            return a == null && b == null;
        }
        try {
            return OffsetDateTime.parse(a).toInstant().equals(OffsetDateTime.parse(b).toInstant());
        } catch (DateTimeParseException e) {
            return a.equals(b);
        }
    }

    /** Later is greater; instants when both carry an offset, else the text; null first. */
    static int compareTimes(String a, String b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : -1) : 1;
        }
        try {
            return OffsetDateTime.parse(a).toInstant().compareTo(OffsetDateTime.parse(b).toInstant());
        } catch (DateTimeParseException e) {
            return a.compareTo(b);
        }
    }
}
