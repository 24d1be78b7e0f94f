package dev.kassa.report.domain;

import dev.kassa.common.event.CashLog;
import dev.kassa.common.event.OpenCloseLog;
import dev.kassa.common.event.TranLog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The received logs of a report's period and scope. Transactions include the cancelled ones
 * (the daily verification counts them); {@link #reportable()} leaves them out.
 */
public record DayLogs(List<TranLog> tranLogs, List<CashLog> cashLogs, List<OpenCloseLog> openCloseLogs) {

    public DayLogs {
        tranLogs = List.copyOf(distinctTransactions(tranLogs));
        cashLogs = List.copyOf(cashLogs);
        openCloseLogs = List.copyOf(openCloseLogs);
    }

    /** The transactions the reports count: every one not cancelled (Kugel: {@code sales.is_cancelled=false}). */
    public List<TranLog> reportable() {
        return tranLogs.stream().filter(t -> !TransactionTypes.isCancelled(t)).toList();
    }

    /**
     * A transaction is one terminal's number; should it ever arrive under two event ids, it counts
     * once (the first received).
     */
    private static List<TranLog> distinctTransactions(List<TranLog> all) {
        Map<String, TranLog> byIdentity = new LinkedHashMap<>();
        for (TranLog t : all) {
            byIdentity.putIfAbsent(TransactionTypes.identity(t), t);
        }
        return new ArrayList<>(byIdentity.values());
    }
}
