package dev.kassa.cart.domain;

/**
 * What the cart needs to know about its terminal (from the terminal JWT claims or a cached lookup).
 *
 * @param status terminal status, e.g. "Opened"; a cart can only be created when it is "Opened"
 * @param staff  the signed-in staff member, or null
 */
public record TerminalInfo(
        String tenantId,
        String storeCode,
        String storeName,
        int terminalNo,
        String status,
        String businessDate,
        int openCounter,
        int businessCounter,
        Staff staff) {

    public static final String OPENED = "Opened";

    public String terminalId() {
        return tenantId + "-" + storeCode + "-" + terminalNo;
    }
}
