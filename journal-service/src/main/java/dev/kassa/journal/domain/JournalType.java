package dev.kassa.journal.domain;

import dev.kassa.common.event.TranLog;

import java.util.Set;

/** The journal's transaction types (Kugel's), derived from the log an entry comes from. */
public final class JournalType {
    public static final int SALE = TranLog.SALE;
    /** A sale whose cart was cancelled: it consumed a transaction and receipt number. */
    public static final int CANCELLED_SALE = -TranLog.SALE;
    public static final int RETURN = TranLog.RETURN;
    public static final int VOID_SALE = TranLog.VOID_SALE;
    public static final int VOID_RETURN = TranLog.VOID_RETURN;
    public static final int OPEN = 301;
    public static final int CLOSE = 302;
    public static final int CASH_IN = 401;
    public static final int CASH_OUT = 402;
    public static final int FLASH_REPORT = 501;
    public static final int DAILY_REPORT = 502;

    public static final Set<Integer> TRANLOG_TYPES = Set.of(SALE, RETURN, VOID_SALE, VOID_RETURN);
    public static final Set<Integer> REPORT_TYPES = Set.of(FLASH_REPORT, DAILY_REPORT);

    private JournalType() {
    }

    /** 101 becomes -101 when the cart was cancelled; the other tranlog types stay as they are. */
    public static int ofTranlog(int transactionType, boolean cancelled) {
        if (!TRANLOG_TYPES.contains(transactionType)) {
            throw new InvalidLogException("transaction_type " + transactionType + " is not 101, 102, 201 or 202");
        }
        return transactionType == SALE && cancelled ? CANCELLED_SALE : transactionType;
    }

    /** Money into the drawer is 401; everything else (cash out, a zero amount) is 402, as in Kugel. */
    public static int ofCash(java.math.BigDecimal amount) {
        if (amount == null) {
            throw new InvalidLogException("a cash log needs an amount");
        }
        return amount.signum() > 0 ? CASH_IN : CASH_OUT;
    }

    public static int ofOperation(String operation) {
        if ("open".equalsIgnoreCase(operation)) {
            return OPEN;
        }
        if ("close".equalsIgnoreCase(operation)) {
            return CLOSE;
        }
        throw new InvalidLogException("operation must be open or close, not " + operation);
    }
}
