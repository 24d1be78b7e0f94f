package dev.kassa.report.domain;

import dev.kassa.common.api.PageRequest;
import dev.kassa.common.event.TranLog;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static dev.kassa.report.domain.Money.plain;

/**
 * Sales per item, grouped by category, with the category report's rules; a category's totals are
 * the sums of its items. Item names come from the logged lines.
 */
public final class ItemReportMaker {

    private static final Map<String, Comparator<ItemReport.Category>> FIELDS = Map.of(
            "category_code", Listing.by(ItemReport.Category::categoryCode),
            "category_name", Listing.by(ItemReport.Category::categoryName));

    private ItemReportMaker() {
    }

    public static ItemReport make(ReportHeader header, DayLogs logs) {
        return make(header, logs, Map.of());
    }

    /** {@code categoryNames}: category code to name (master data); a code without a name is its own name. */
    public static ItemReport make(ReportHeader header, DayLogs logs, Map<String, String> categoryNames) {
        Map<String, Map<String, LineSum>> byCategory = new TreeMap<>();
        Map<String, String> names = new HashMap<>();
        for (TranLog t : logs.reportable()) {
            for (TranLog.LineItem line : SalesReportMaker.nonCancelled(t.lineItems())) {
                String item = CategoryReportMaker.code(line.itemCode());
                if (line.itemName() != null) {
                    names.putIfAbsent(item, line.itemName());
                }
                byCategory.computeIfAbsent(CategoryReportMaker.code(line.categoryCode()), c -> new TreeMap<>())
                        .computeIfAbsent(item, i -> new LineSum())
                        .add(t, line.quantity(), LineSum.gross(line),
                                LineSum.lineDiscounts(line).add(LineSum.allocated(line)));
            }
        }
        List<ItemReport.Category> all = new ArrayList<>();
        byCategory.forEach((category, items) -> {
            List<ItemReport.Item> lines = new ArrayList<>();
            items.forEach((code, s) -> lines.add(new ItemReport.Item(code, names.getOrDefault(code, code),
                    plain(s.gross), plain(s.discount), plain(s.net()), s.quantity, s.discountQuantity,
                    s.transactionCount())));
            all.add(new ItemReport.Category(category, categoryNames.getOrDefault(category, category),
                    List.copyOf(lines),
                    plain(Money.sum(lines, ItemReport.Item::grossAmount)),
                    plain(Money.sum(lines, ItemReport.Item::discountAmount)),
                    plain(Money.sum(lines, ItemReport.Item::netAmount)),
                    lines.stream().mapToInt(ItemReport.Item::quantity).sum(),
                    lines.stream().mapToInt(ItemReport.Item::discountQuantity).sum(),
                    lines.stream().mapToInt(ItemReport.Item::transactionCount).sum()));
        });
        ItemReport report = new ItemReport(header, List.copyOf(all),
                plain(Money.sum(all, ItemReport.Category::categoryTotalGrossAmount)),
                plain(Money.sum(all, ItemReport.Category::categoryTotalDiscountAmount)),
                plain(Money.sum(all, ItemReport.Category::categoryTotalNetAmount)),
                all.stream().mapToInt(ItemReport.Category::categoryTotalQuantity).sum(),
                all.stream().mapToInt(ItemReport.Category::categoryTotalDiscountQuantity).sum(),
                all.stream().mapToInt(ItemReport.Category::categoryTotalTransactionCount).sum(),
                null, null);
        String text = ReceiptWriter.item(report);
        return new ItemReport(header, report.categories(), report.totalGrossAmount(), report.totalDiscountAmount(),
                report.totalNetAmount(), report.totalQuantity(), report.totalDiscountQuantity(),
                report.totalTransactionCount(), text, text);
    }

    /** The requested page of the categories; the totals stay those of all. */
    public static ItemReport page(ItemReport r, PageRequest page) {
        return new ItemReport(r.header(), Listing.page(r.categories(), page, FIELDS,
                Listing.by(ItemReport.Category::categoryCode)), r.totalGrossAmount(), r.totalDiscountAmount(),
                r.totalNetAmount(), r.totalQuantity(), r.totalDiscountQuantity(), r.totalTransactionCount(),
                r.receiptText(), r.journalText());
    }
}
