package dev.kassa.report.domain;

import dev.kassa.common.api.PageRequest;
import dev.kassa.common.event.TranLog;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static dev.kassa.report.domain.Money.plain;

/**
 * Per promotion (the line discounts that carry a promotion code): gross = price × quantity of the
 * lines it applied to, discount = what it gave, net = gross − discount, quantity and transactions,
 * signed by transaction type; lines cancelled in the cart are left out.
 */
public final class PromotionReportMaker {

    private static final Map<String, Comparator<PromotionReport.Line>> FIELDS = Map.of(
            "promotion_code", Listing.by(PromotionReport.Line::promotionCode),
            "promotion_type", Listing.by(PromotionReport.Line::promotionType),
            "gross_amount", Listing.by(PromotionReport.Line::grossAmount),
            "discount_amount", Listing.by(PromotionReport.Line::discountAmount),
            "net_amount", Listing.by(PromotionReport.Line::netAmount),
            "quantity", Listing.by(PromotionReport.Line::quantity),
            "transaction_count", Listing.by(PromotionReport.Line::transactionCount));

    /** Kugel lists the most generous promotion first. */
    private static final Comparator<PromotionReport.Line> DEFAULT_ORDER =
            Listing.by(PromotionReport.Line::discountAmount).reversed()
                    .thenComparing(Listing.by(PromotionReport.Line::promotionCode));

    private PromotionReportMaker() {
    }

    private record Key(String code, String type) {
    }

    public static PromotionReport make(ReportHeader header, DayLogs logs) {
        Map<Key, LineSum> byPromotion = new TreeMap<>(Comparator.comparing(Key::code)
                .thenComparing(k -> k.type() == null ? "" : k.type()));
        for (TranLog t : logs.reportable()) {
            for (TranLog.LineItem line : SalesReportMaker.nonCancelled(t.lineItems())) {
                for (TranLog.Discount d : line.discounts() == null ? List.<TranLog.Discount>of() : line.discounts()) {
                    if (d.promotionCode() == null || d.promotionCode().isBlank()) {
                        continue;
                    }
                    byPromotion.computeIfAbsent(new Key(d.promotionCode(), d.promotionType()), k -> new LineSum())
                            .add(t, line.quantity(), LineSum.gross(line), d.discountAmount());
                }
            }
        }
        List<PromotionReport.Line> all = new ArrayList<>();
        byPromotion.forEach((k, s) -> all.add(new PromotionReport.Line(k.code(), k.type(), plain(s.gross),
                plain(s.discount), plain(s.net()), s.quantity, s.transactionCount())));
        all.sort(DEFAULT_ORDER);
        PromotionReport report = new PromotionReport(header, List.copyOf(all),
                plain(Money.sum(all, PromotionReport.Line::grossAmount)),
                plain(Money.sum(all, PromotionReport.Line::discountAmount)),
                plain(Money.sum(all, PromotionReport.Line::netAmount)),
                all.stream().mapToInt(PromotionReport.Line::quantity).sum(),
                all.stream().mapToInt(PromotionReport.Line::transactionCount).sum(),
                null, null);
        String text = ReceiptWriter.promotion(report);
        return new PromotionReport(header, report.promotions(), report.totalGrossAmount(),
                report.totalDiscountAmount(), report.totalNetAmount(), report.totalQuantity(),
                report.totalTransactionCount(), text, text);
    }

    /** The requested page of the promotions; the totals stay those of all. */
    public static PromotionReport page(PromotionReport r, PageRequest page) {
        return new PromotionReport(r.header(), Listing.page(r.promotions(), page, FIELDS, DEFAULT_ORDER),
                r.totalGrossAmount(), r.totalDiscountAmount(), r.totalNetAmount(), r.totalQuantity(),
                r.totalTransactionCount(), r.receiptText(), r.journalText());
    }
}
