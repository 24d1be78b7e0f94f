package dev.kassa.journal.domain;

/** Where a journal entry comes from; each kind keeps its raw logs in its own collection. */
public enum LogKind {
    TRANLOG("tranlog", "log_tran"),
    CASHLOG("cashlog", "log_cash_in_out"),
    OPENCLOSELOG("opencloselog", "log_open_close"),
    /** Report text pushed by the report service (501 flash, 502 daily); no raw log. */
    REPORT("report", null);

    private final String key;
    private final String rawCollection;

    LogKind(String key, String rawCollection) {
        this.key = key;
        this.rawCollection = rawCollection;
    }

    public String key() {
        return key;
    }

    public String rawCollection() {
        return rawCollection;
    }
}
