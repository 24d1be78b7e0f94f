package dev.kassa.common.tenant;

import dev.kassa.common.api.ApiException;
import dev.kassa.common.api.ErrorCodes;

import java.util.regex.Pattern;

/**
 * Tenant ids: a letter, then letters, digits or underscores, 32 characters at most. No '-',
 * because terminal ids are {@code tenant-store-terminalNo}. The id names a PostgreSQL schema
 * or a MongoDB database, so nothing else may pass.
 */
public final class TenantIds {
    private static final Pattern VALID = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,31}");

    private TenantIds() {
    }

    public static boolean isValid(String tenantId) {
        return tenantId != null && VALID.matcher(tenantId).matches();
    }

    /** The id itself, or a 400 envelope when it is not a tenant id. */
    public static String require(String tenantId) {
        if (!isValid(tenantId)) {
            throw ApiException.badRequest(ErrorCodes.INVALID_TENANT,
                    "Invalid tenant id: it must start with a letter and have at most 32 letters, digits or '_'");
        }
        return tenantId;
    }

    /** The PostgreSQL schema of a tenant; quoted wherever used, so case is kept. */
    public static String schema(String tenantId) {
        return "t_" + require(tenantId);
    }

    /** The MongoDB database of a tenant for one service, e.g. {@code journal_T9999}. */
    public static String mongoDatabase(String service, String tenantId) {
        return service + "_" + require(tenantId);
    }
}
