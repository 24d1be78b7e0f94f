package dev.kassa.terminal.service;

import dev.kassa.common.auth.KassaAuthenticationMechanism;
import dev.kassa.common.auth.Tokens;
import dev.kassa.terminal.config.TerminalConfig;
import dev.kassa.terminal.domain.Terminal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Terminal JWTs: the terminal's identity and state as claims, so that other services (the cart
 * above all) read the state from the token instead of asking. A fresh one follows every change.
 */
@ApplicationScoped
public class TerminalTokens {
    public static final String HEADER = "X-New-Token";

    @Inject
    Tokens tokens;

    @Inject
    TerminalConfig config;

    public long lifetimeSeconds() {
        return config.tokenLifetime().toSeconds();
    }

    public String issue(Terminal t) {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("tenant_id", KassaAuthenticationMechanism.tenantOfTerminal(t.terminalId));
        claims.put("store_code", t.storeCode);
        claims.put("terminal_no", t.terminalNo);
        claims.put("terminal_id", t.terminalId);
        claims.put("status", t.status);
        claims.put("token_type", "terminal");
        if (t.businessDate != null) {
            claims.put("business_date", t.businessDate);
        }
        claims.put("open_counter", t.openCounter);
        claims.put("business_counter", t.businessCounter);
        if (t.staffId != null) {
            claims.put("staff_id", t.staffId);
            if (t.staffName != null) {
                claims.put("staff_name", t.staffName);
            }
        }
        return tokens.sign(claims, "terminal:" + t.terminalId, config.tokenLifetime());
    }
}
