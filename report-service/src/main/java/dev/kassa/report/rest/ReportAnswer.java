package dev.kassa.report.rest;

import dev.kassa.common.api.PageMetadata;
import dev.kassa.common.api.UserError;
import dev.kassa.report.domain.CategoryReport;
import dev.kassa.report.domain.ItemReport;
import dev.kassa.report.domain.PaymentReport;
import dev.kassa.report.domain.PromotionReport;
import dev.kassa.report.domain.SalesReport;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The report answer as the published document shows it: the envelope, whose {@code data} is the
 * report of the asked {@code report_type}. Only documentation; the resource answers {@code ApiResponse}.
 */
@Schema(name = "ReportAnswer")
public record ReportAnswer(
        boolean success,
        int code,
        String message,
        UserError userError,
        @Schema(oneOf = {SalesReport.class, CategoryReport.class, ItemReport.class, PaymentReport.class,
                PromotionReport.class}) Object data,
        PageMetadata metadata,
        String operation) {
}
