package dev.kassa.report.domain;

import dev.kassa.common.api.PageMetadata;
import dev.kassa.common.api.PageRequest;

import java.util.Map;

/** Kugel's plugin table: report type to maker, plus the paging of the report's list. */
public final class ReportMakers {

    private ReportMakers() {
    }

    public static Report make(ReportRequest request, ReportHeader header, DayLogs logs, Map<String, String> names,
                              Map<String, Object> filter) {
        PageRequest page = request.page();
        return switch (request.type()) {
            case SALES -> {
                SalesReport r = SalesReportMaker.make(header, logs);
                yield new Report(r, null, r.receiptText(), r.journalText());
            }
            case CATEGORY -> {
                CategoryReport r = CategoryReportMaker.make(header, logs, names);
                yield new Report(CategoryReportMaker.page(r, page), metadata(page, r.categories().size(), filter),
                        r.receiptText(), r.journalText());
            }
            case ITEM -> {
                ItemReport r = ItemReportMaker.make(header, logs, names);
                yield new Report(ItemReportMaker.page(r, page), metadata(page, r.categories().size(), filter),
                        r.receiptText(), r.journalText());
            }
            case PAYMENT -> {
                PaymentReport r = PaymentReportMaker.make(header, logs);
                yield new Report(PaymentReportMaker.page(r, page), metadata(page, r.paymentSummary().size(), filter),
                        r.receiptText(), r.journalText());
            }
            case PROMOTION -> {
                PromotionReport r = PromotionReportMaker.make(header, logs);
                yield new Report(PromotionReportMaker.page(r, page), metadata(page, r.promotions().size(), filter),
                        r.receiptText(), r.journalText());
            }
        };
    }

    private static PageMetadata metadata(PageRequest page, int total, Map<String, Object> filter) {
        return page == null ? null : page.metadata(total, filter);
    }
}
