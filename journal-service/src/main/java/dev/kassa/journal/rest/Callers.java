package dev.kassa.journal.rest;

import dev.kassa.common.api.ApiException;
import dev.kassa.common.auth.Caller;
import dev.kassa.common.auth.TerminalClaims;

/** Where a terminal caller stands (its store and number), for the journal's store and terminal checks. */
final class Callers {

    private Callers() {
    }

    /** A terminal reads the journal of its own store only; users read every store of their tenant. */
    static void mayRead(Caller caller, String storeCode) {
        if (caller.isService()) {
            throw ApiException.forbidden("The journal is read by users and terminals");
        }
        if (caller.isTerminal() && !storeCode.equals(storeOf(caller))) {
            throw ApiException.forbidden("A terminal may read the journal of its own store only");
        }
    }

    /** Users and services write for any terminal of their tenant; a terminal only for itself. */
    static void mayWriteFor(Caller caller, String storeCode, int terminalNo) {
        if (caller.isTerminal()) {
            Integer own = numberOf(caller);
            if (!storeCode.equals(storeOf(caller)) || own == null || own != terminalNo) {
                throw ApiException.forbidden("A terminal may act only on itself");
            }
        }
    }

    static String storeOf(Caller caller) {
        TerminalClaims t = caller.terminal();
        if (t == null) {
            return null;
        }
        if (t.storeCode() != null) {
            return t.storeCode();
        }
        String id = t.terminalId();
        int first = id == null ? -1 : id.indexOf('-');
        int last = id == null ? -1 : id.lastIndexOf('-');
        return first >= 0 && last > first ? id.substring(first + 1, last) : null;
    }

    static Integer numberOf(Caller caller) {
        TerminalClaims t = caller.terminal();
        if (t == null) {
            return null;
        }
        if (t.terminalNo() != null) {
            return t.terminalNo();
        }
        String id = t.terminalId();
        int last = id == null ? -1 : id.lastIndexOf('-');
        try {
            return last < 0 ? null : Integer.valueOf(id.substring(last + 1));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The terminal number of a path, or a 422 when it is not one. */
    static int terminalNo(String text) {
        try {
            int n = Integer.parseInt(text.trim());
            if (n < 0) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw ApiException.validation("terminal_no must be a whole number, not '" + text + "'");
        }
    }
}
