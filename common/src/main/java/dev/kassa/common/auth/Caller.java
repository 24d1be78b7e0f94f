package dev.kassa.common.auth;

import java.util.Set;

/**
 * The authenticated caller of a request.
 *
 * @param viaApiKey true when a terminal came with X-API-KEY rather than a terminal JWT
 * @param terminal  set for terminal callers
 */
public record Caller(
        CallerKind kind,
        String tenantId,
        String subject,
        boolean superuser,
        Set<String> roles,
        TerminalClaims terminal,
        boolean viaApiKey) {

    public static final String ATTRIBUTE = "kassa.caller";

    public boolean isUser() {
        return kind == CallerKind.USER;
    }

    public boolean isTerminal() {
        return kind == CallerKind.TERMINAL;
    }

    public boolean isService() {
        return kind == CallerKind.SERVICE;
    }
}
