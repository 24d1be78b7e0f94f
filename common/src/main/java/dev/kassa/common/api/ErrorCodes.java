package dev.kassa.common.api;

/**
 * Error codes shared by every service, in Kugel's XXYYZZ scheme (XX = category: 10 general,
 * 20 auth, 30 validation, 40 business, 50 database, 60 external, 90 system).
 * Business codes of one service live in that service.
 */
public final class ErrorCodes {
    public static final String GENERAL = "100000";
    public static final String NOT_FOUND = "100001";
    public static final String METHOD_NOT_ALLOWED = "100002";
    public static final String UNSUPPORTED_MEDIA_TYPE = "100003";
    public static final String NOT_ACCEPTABLE = "100004";
    public static final String UNAUTHORIZED = "200001";
    public static final String FORBIDDEN = "200002";
    public static final String TENANT_MISMATCH = "200003";
    public static final String TOO_MANY_ATTEMPTS = "200004";
    public static final String VALIDATION = "300001";
    public static final String INVALID_SORT = "300002";
    public static final String INVALID_TENANT = "300003";
    public static final String INVALID_STATE = "300004";
    public static final String DATABASE_UNAVAILABLE = "500001";
    public static final String DUPLICATE = "500005";
    public static final String EXTERNAL_UNAVAILABLE = "600001";
    public static final String INTERNAL = "900999";

    private ErrorCodes() {
    }
}
