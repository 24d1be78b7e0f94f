package dev.kassa.cart.service;

import dev.kassa.cart.client.Credentials;
import dev.kassa.cart.domain.Staff;
import dev.kassa.cart.domain.TerminalInfo;
import dev.kassa.common.api.ApiException;
import dev.kassa.common.auth.Caller;
import dev.kassa.common.auth.TerminalClaims;

/**
 * A terminal calling the cart: its tenant, its state (terminal JWT claims, or the terminal
 * service's answer cached for API-key callers) and its credentials for master data.
 */
public record TerminalCaller(String tenantId, String terminalId, TerminalInfo terminal, Credentials credentials) {

    public static TerminalCaller of(Caller caller, Credentials credentials) {
        if (!caller.isTerminal() || caller.terminal() == null) {
            throw ApiException.forbidden("Only a terminal may work with carts");
        }
        TerminalClaims t = caller.terminal();
        Staff staff = t.staffId() == null || t.staffId().isBlank() ? null : new Staff(t.staffId(), t.staffName());
        TerminalInfo info = new TerminalInfo(caller.tenantId(), t.storeCode(), null,
                t.terminalNo() == null ? 0 : t.terminalNo(), t.status(), t.businessDate(),
                t.openCounter() == null ? 0 : t.openCounter(), t.businessCounter() == null ? 0 : t.businessCounter(),
                staff);
        String terminalId = t.terminalId() != null ? t.terminalId() : info.terminalId();
        return new TerminalCaller(caller.tenantId(), terminalId, info, credentials);
    }
}
