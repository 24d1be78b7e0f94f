package dev.kassa.terminal.domain;

import dev.kassa.common.api.ApiException;

/** Business error codes of the terminal service (Kugel's 406xxx and 407xxx) and their answers. */
public final class TerminalErrors {
    public static final String TERMINAL_NOT_FOUND = "406001";
    public static final String TERMINAL_ALREADY_EXISTS = "406002";
    public static final String TERMINAL_STATUS = "406003";
    public static final String SIGN_IN_OUT = "406004";
    public static final String NOT_SIGNED_IN = "406013";
    public static final String ALREADY_SIGNED_IN = "406014";
    public static final String TENANT_NOT_FOUND = "407001";
    public static final String TENANT_ALREADY_EXISTS = "407002";
    public static final String STORE_NOT_FOUND = "407101";
    public static final String STORE_ALREADY_EXISTS = "407102";
    public static final String EXTERNAL_SERVICE = "407201";
    public static final String MASTER_DATA_SERVICE = "407202";
    public static final String CART_SERVICE = "407203";
    /** A credit repayment names a customer master data does not know. */
    public static final String CUSTOMER_NOT_FOUND = "406020";
    /** A credit repayment of more than the customer owes. */
    public static final String REPAYMENT_TOO_LARGE = "406021";
    /** Customer codes belong to cash in only: cash out pays no customer's credit. */
    public static final String CUSTOMER_NOT_ALLOWED = "406022";

    private TerminalErrors() {
    }

    public static ApiException terminalNotFound(String terminalId) {
        return ApiException.notFound(TERMINAL_NOT_FOUND, "Terminal not found: " + terminalId);
    }

    public static ApiException status(String message) {
        return ApiException.badRequest(TERMINAL_STATUS, message);
    }

    public static ApiException tenantNotFound(String tenantId) {
        return ApiException.notFound(TENANT_NOT_FOUND, "Tenant not found: " + tenantId);
    }

    public static ApiException storeNotFound(String storeCode) {
        return ApiException.notFound(STORE_NOT_FOUND, "Store not found: " + storeCode);
    }
}
