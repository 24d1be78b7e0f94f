package dev.kassa.report.domain;

import java.math.BigDecimal;
import java.util.List;

/**
 * The printable text of each report, line for line Kugel's report receipts (sales, category, item,
 * payment; the promotion report's plain text as Kugel writes it). The journal keeps the same text.
 */
public final class ReceiptWriter {
    static final String FOOTER = "レシートNo. ------";

    private ReceiptWriter() {
    }

    public static String sales(SalesReport r) {
        Slip s = Slip.headed(r.header(), "【 売 上 レ ポ ー ト ", " 】", false);
        BigDecimal totalTax = r.taxes().stream().map(SalesReport.Tax::taxAmount).map(Money::nz)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        s.border();
        s.left("売 上 合 計");
        salesFigure(s, "総売上", r.salesGross());
        salesFigure(s, "返品", r.returns());
        salesFigure(s, "明細値引", r.discountForLineitems());
        salesFigure(s, "小計値引", r.discountForSubtotal());
        amountLine(s, "税額", totalTax.negate());
        salesFigure(s, "純売上", r.salesNet());
        s.border();
        s.left("税 額（内訳）");
        for (SalesReport.Tax t : r.taxes()) {
            amountLine(s, t.taxName() == null ? t.taxCode() : t.taxName(), t.taxAmount());
        }
        s.border();
        s.left("支 払");
        for (SalesReport.Payment p : r.payments()) {
            amountLine(s, p.paymentName(), p.amount());
        }
        s.border();
        s.left("入出金");
        countLine(s, "入金", r.cash().cashIn().amount(), r.cash().cashIn().count());
        countLine(s, "出金", r.cash().cashOut().amount(), r.cash().cashOut().count());
        s.border();
        s.left("現 金");
        amountLine(s, "ドロア内現金", r.cash().physicalAmount());
        amountLine(s, "あるべき現金", r.cash().logicalAmount());
        amountLine(s, "過不足", r.cash().differenceAmount());
        s.border();
        return s.left(FOOTER).text();
    }

    public static String category(CategoryReport r) {
        Slip s = Slip.headed(r.header(), "【分類別売上レポート", "】", false);
        s.border();
        for (CategoryReport.Line c : r.categories()) {
            s.split(name(c.categoryName(), c.categoryCode()), points(c.quantity(), 5) + " " + yen(c.grossAmount()));
            discountLine(s, "  値引", c.discountAmount(), c.discountQuantity());
        }
        s.border();
        s.split("合計", points(r.totalQuantity(), 5) + " " + yen(r.totalGrossAmount()));
        discountLine(s, "  値引", r.totalDiscountAmount(), r.totalDiscountQuantity());
        totals(s, r.totalGrossAmount(), r.totalDiscountAmount(), r.totalNetAmount());
        return s.border().left(FOOTER).text();
    }

    public static String item(ItemReport r) {
        Slip s = Slip.headed(r.header(), "【商品別売上レポート", "】", false);
        s.border();
        for (ItemReport.Category c : r.categories()) {
            s.left(name(c.categoryName(), c.categoryCode()));
            for (ItemReport.Item i : c.items()) {
                String label = "  " + name(i.itemName(), i.itemCode());
                int max = Slip.WIDTH - 18;
                if (label.length() > max) {
                    label = label.substring(0, max - 1) + "…";
                }
                s.split(label, points(i.quantity(), 5) + " " + yen(i.grossAmount()));
                discountLine(s, "    値引", i.discountAmount(), i.discountQuantity());
            }
            s.split("小計", points(c.categoryTotalQuantity(), 7) + " " + yen(c.categoryTotalNetAmount()));
            s.left("");
        }
        s.border();
        s.split("合計", points(r.totalQuantity(), 7) + " " + yen(r.totalNetAmount()));
        totals(s, r.totalGrossAmount(), r.totalDiscountAmount(), r.totalNetAmount());
        return s.border().left(FOOTER).text();
    }

    public static String payment(PaymentReport r, ReportHeader h) {
        Slip s = Slip.headed(h, "【 決済別レポート ", " 】", true);
        s.border();
        s.left("決 済 方 法 別 集 計");
        s.border();
        List<PaymentReport.Line> lines = r.paymentSummary();
        for (int i = 0; i < lines.size(); i++) {
            PaymentReport.Line p = lines.get(i);
            s.left(p.paymentName());
            s.left("  件数: " + Slip.fixedRight(Slip.comma(p.count()) + "件", 8) + " 構成比: "
                    + Slip.fixedRight(Money.nz(p.ratio()).setScale(2, java.math.RoundingMode.HALF_UP).toPlainString()
                    + "%", 7));
            s.left("  金額: " + Slip.fixedRight(Slip.comma(p.amount()) + "円", 12));
            if (i < lines.size() - 1) {
                s.left(" ");
            }
        }
        s.border();
        s.left("合 計");
        s.left("  総件数: " + Slip.fixedRight(Slip.comma(r.total().count()) + "件", 10));
        s.left("  総金額: " + Slip.fixedRight(Slip.comma(r.total().amount()) + "円", 12));
        s.border();
        return s.center(" ").center(" ").center("*** END ***").text();
    }

    /** Kugel's promotion report has no receipt layout of its own: its plain lines, kept as they are. */
    public static String promotion(PromotionReport r) {
        ReportHeader h = r.header();
        StringBuilder t = new StringBuilder();
        t.append("=== PROMOTION REPORT ===\n");
        t.append("Store: ").append(h.storeCode()).append('\n');
        t.append("Date: ").append(h.businessDate() != null ? h.businessDate()
                : h.businessDateFrom() + " - " + h.businessDateTo()).append('\n');
        t.append('\n');
        t.append("Promotion Performance:\n");
        t.append("-".repeat(40)).append('\n');
        for (PromotionReport.Line p : r.promotions()) {
            t.append(p.promotionCode()).append(": ").append(p.quantity()).append(" items, -")
                    .append(Slip.whole(p.discountAmount()).replace(",", "")).append('\n');
        }
        t.append("-".repeat(40)).append('\n');
        t.append("Total Discount: -").append(Slip.whole(r.totalDiscountAmount()).replace(",", "")).append('\n');
        t.append("Total Items: ").append(r.totalQuantity()).append('\n');
        return t.toString();
    }

    /** Amount with count, then the quantity on the next line. */
    private static void salesFigure(Slip s, String title, SalesReport.Figure f) {
        countLine(s, title, f.amount(), f.count());
        s.left(Slip.space(12) + Slip.fixedRight(Slip.comma(f.quantity()) + "点", 5));
    }

    private static void countLine(Slip s, String title, BigDecimal amount, int count) {
        s.split(Slip.fixedLeft(" " + title, 12) + Slip.fixedRight(Slip.comma(count) + "件", 5),
                Slip.comma(amount) + "円");
    }

    private static void amountLine(Slip s, String title, BigDecimal amount) {
        s.split(" " + title, Slip.comma(amount) + "円");
    }

    private static void discountLine(Slip s, String label, BigDecimal amount, int quantity) {
        if (Money.nz(amount).signum() > 0 || quantity > 0) {
            s.split(label, points(quantity, 5) + " " + Slip.fixedRight("-" + Slip.whole(amount) + "円", 12));
        }
    }

    private static void totals(Slip s, BigDecimal gross, BigDecimal discount, BigDecimal net) {
        s.left("");
        s.left("総売上: " + Slip.whole(gross) + "円");
        s.left("値引計: " + Slip.whole(discount) + "円");
        s.left("純売上: " + Slip.whole(net) + "円");
    }

    private static String points(int quantity, int width) {
        return Slip.fixedRight(Slip.comma(quantity) + "点", width);
    }

    private static String yen(BigDecimal amount) {
        return Slip.fixedRight(Slip.whole(amount) + "円", 12);
    }

    private static String name(String name, String code) {
        return name != null && !name.isEmpty() ? name : code != null && !code.isEmpty() ? code : "不明";
    }
}
