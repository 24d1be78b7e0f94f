package dev.kassa.report.domain;

import dev.kassa.common.event.TranLog;

/**
 * The sign every report gives a transaction (kugel-features.md §6): a sale (101) and the void of
 * a return (202) count positive, a return (102) and the void of a sale (201) negative.
 */
public final class TransactionTypes {

    private TransactionTypes() {
    }

    public static boolean isKnown(int type) {
        return type == TranLog.SALE || type == TranLog.RETURN || type == TranLog.VOID_SALE
                || type == TranLog.VOID_RETURN;
    }

    public static int factor(int type) {
        return switch (type) {
            case TranLog.SALE, TranLog.VOID_RETURN -> 1;
            case TranLog.RETURN, TranLog.VOID_SALE -> -1;
            default -> throw new IllegalArgumentException("Unknown transaction type: " + type);
        };
    }

    /**
     * A transaction is its terminal's number on its business date (the number runs on across days;
     * the date keeps a terminal whose counter restarted apart from its past).
     */
    public static String identity(TranLog t) {
        return t.storeCode() + "/" + t.terminalNo() + "/" + t.businessDate() + "/" + t.transactionNo();
    }

    public static boolean isCancelled(TranLog t) {
        return t.sales() != null && t.sales().isCancelled();
    }
}
