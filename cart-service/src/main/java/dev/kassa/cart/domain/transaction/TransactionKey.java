package dev.kassa.cart.domain.transaction;

import dev.kassa.common.event.TranLog;

/** Identifies a transaction: tenant, store, terminal and transaction number. */
public record TransactionKey(String tenantId, String storeCode, int terminalNo, long transactionNo) {

    public static TransactionKey of(TranLog tran) {
        return new TransactionKey(tran.tenantId(), tran.storeCode(), tran.terminalNo(), tran.transactionNo());
    }

    public static TransactionKey of(TranLog.Origin origin) {
        return new TransactionKey(origin.tenantId(), origin.storeCode(), origin.terminalNo(), origin.transactionNo());
    }
}
