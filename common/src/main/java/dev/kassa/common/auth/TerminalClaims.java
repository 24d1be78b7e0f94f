package dev.kassa.common.auth;

/**
 * What a terminal caller carries: from the claims of a terminal JWT, or from the terminal
 * service when it came with an API key (then only the identity fields are certain).
 */
public record TerminalClaims(
        String terminalId,
        String storeCode,
        Integer terminalNo,
        String status,
        String businessDate,
        Integer openCounter,
        Integer businessCounter,
        String staffId,
        String staffName) {

    public static TerminalClaims identity(String terminalId, String storeCode, Integer terminalNo) {
        return new TerminalClaims(terminalId, storeCode, terminalNo, null, null, null, null, null, null);
    }
}
