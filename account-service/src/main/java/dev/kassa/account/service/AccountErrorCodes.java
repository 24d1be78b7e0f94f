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

    /** A new password breaks the password policy (too short, or the username). */
    public static final String PASSWORD_POLICY = "408003";
    /** A password change named a wrong current password. */
    public static final String WRONG_CURRENT_PASSWORD = "408004";
    /** An owner tried to deactivate itself (a tenant must keep someone who can reactivate). */
    public static final String SELF_DEACTIVATION = "408005";
    /** No such user in the caller's tenant. */
    public static final String USER_NOT_FOUND = "408006";

    private AccountErrorCodes() {
    }
}
