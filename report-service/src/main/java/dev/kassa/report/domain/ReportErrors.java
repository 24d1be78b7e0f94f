package dev.kassa.report.domain;

import dev.kassa.common.api.ApiException;

/** The report service's business codes (Kugel's 412xxx range, kugel-features.md §0). */
public final class ReportErrors {
    public static final String REPORT_TYPE_NOT_FOUND = "412001";
    public static final String REPORT_SCOPE = "412005";
    public static final String REPORT_DATE = "412006";
    public static final String TERMINAL_NOT_CLOSED = "412101";

    private ReportErrors() {
    }

    public static ApiException unknownType(String type) {
        return ApiException.badRequest(REPORT_TYPE_NOT_FOUND,
                "Invalid report type: " + type + "; one of sales, category, item, payment, promotion");
    }

    public static ApiException unknownScope(String scope) {
        return ApiException.badRequest(REPORT_SCOPE, "Invalid report scope: " + scope + "; one of flash, daily");
    }

    public static ApiException date(String message) {
        return ApiException.badRequest(REPORT_DATE, message);
    }

    public static ApiException notVerified(String message) {
        return ApiException.forbidden(TERMINAL_NOT_CLOSED, message);
    }
}
