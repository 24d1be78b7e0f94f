package dev.kassa.account.service;

/**
 * Business codes of the account service in the contract's XXYYZZ scheme (40 = business). The
 * other services hold 401xx-407xx and 410xx-415xx; the account service takes 408xx.
 */
public final class AccountErrorCodes {
    /** A superuser registration named a tenant that already has users. */
    public static final String TENANT_EXISTS = "408001";
    /** No free tenant id was found for a registration without one (retry). */
    public static final String TENANT_ID_EXHAUSTED = "408002";

    private AccountErrorCodes() {
    }
}
