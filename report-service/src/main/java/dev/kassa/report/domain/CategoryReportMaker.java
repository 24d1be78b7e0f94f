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
 * Sales per category over the lines not cancelled of the transactions not cancelled, signed by
 * transaction type. gross = price × quantity; discount = the line's own discounts + its share of
 * the subtotal discounts; net = gross − discount. (Kugel takes the line amount, already net of
 * the line discounts, as gross and then subtracts those discounts again; Kassa counts them once,
 * so the categories' net adds up to the sales report's net plus internal tax.) Category names
 * come from master data; without them, the code stands in (as in Kugel).
 */
public final class CategoryReportMaker {

    private static final Map<String, Comparator<CategoryReport.Line>> FIELDS = Map.of(
            "category_code", Listing.by(CategoryReport.Line::categoryCode),
            "category_name", Listing.by(CategoryReport.Line::categoryName),
            "gross_amount", Listing.by(CategoryReport.Line::grossAmount),
            "discount_amount", Listing.by(CategoryReport.Line::discountAmount),
            "net_amount", Listing.by(CategoryReport.Line::netAmount),
            "quantity", Listing.by(CategoryReport.Line::quantity),
            "discount_quantity", Listing.by(CategoryReport.Line::discountQuantity),
            "transaction_count", Listing.by(CategoryReport.Line::transactionCount));

    private CategoryReportMaker() {
    }

    public static CategoryReport make(ReportHeader header, DayLogs logs) {
        return make(header, logs, Map.of());
    }

    /** {@code names}: category code to name (master data); a code without a name is its own name. */
    public static CategoryReport make(ReportHeader header, DayLogs logs, Map<String, String> names) {
        Map<String, LineSum> byCategory = new TreeMap<>();
        for (TranLog t : logs.reportable()) {
            for (TranLog.LineItem line : SalesReportMaker.nonCancelled(t.lineItems())) {
                byCategory.computeIfAbsent(code(line.categoryCode()), c -> new LineSum())
                        .add(t, line.quantity(), LineSum.gross(line),
                                LineSum.lineDiscounts(line).add(LineSum.allocated(line)));
            }
        }
        List<CategoryReport.Line> all = new ArrayList<>();
        byCategory.forEach((code, s) -> all.add(new CategoryReport.Line(code, names.getOrDefault(code, code),
                plain(s.gross), plain(s.discount), plain(s.net()), s.quantity, s.discountQuantity,
                s.transactionCount())));
        all.sort(Listing.by(CategoryReport.Line::categoryCode));
        CategoryReport report = new CategoryReport(header, List.copyOf(all),
                plain(Money.sum(all, CategoryReport.Line::grossAmount)),
                plain(Money.sum(all, CategoryReport.Line::discountAmount)),
                plain(Money.sum(all, CategoryReport.Line::netAmount)),
                all.stream().mapToInt(CategoryReport.Line::quantity).sum(),
                all.stream().mapToInt(CategoryReport.Line::discountQuantity).sum(),
                all.stream().mapToInt(CategoryReport.Line::transactionCount).sum(),
                null, null);
        String text = ReceiptWriter.category(report);
        return new CategoryReport(header, report.categories(), report.totalGrossAmount(),
                report.totalDiscountAmount(), report.totalNetAmount(), report.totalQuantity(),
                report.totalDiscountQuantity(), report.totalTransactionCount(), text, text);
    }

    /** The requested page of the categories, in the requested order; the totals stay those of all. */
    public static CategoryReport page(CategoryReport r, PageRequest page) {
        return new CategoryReport(r.header(), Listing.page(r.categories(), page, FIELDS,
                Listing.by(CategoryReport.Line::categoryCode)), r.totalGrossAmount(), r.totalDiscountAmount(),
                r.totalNetAmount(), r.totalQuantity(), r.totalDiscountQuantity(), r.totalTransactionCount(),
                r.receiptText(), r.journalText());
    }

    static String code(String code) {
        return code == null ? "" : code;
    }
}
