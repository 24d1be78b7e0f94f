package dev.kassa.cart.domain.receipt;

import dev.kassa.common.event.TranLog;
import dev.kassa.common.text.JapaneseDates;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders a transaction (sale, cancelled sale, return, void) as 32-column receipt text, after Kugel's
 * ReceiptDataSample: header lines, terminal/staff, date, title, items with quantity and discounts,
 * subtotal, subtotal discounts, external taxes, total, tax breakdown, tenders with deposit and change,
 * the original receipt for returns and voids, receipt/transaction numbers, stamp duty, invoice
 * registration number and footer lines. The journal gets the same text. Deterministic: the only
 * inputs are the tranlog and the settings.
 */
public final class ReceiptWriter {
    public static final int DEFAULT_WIDTH = 32;
    public static final String CASH_CODE = "01";


    private final TextLayout layout;
    /** The settings of the receipt being written: a writer serves one receipt at a time. */
    private ReceiptSettings settings = ReceiptSettings.none();

    public ReceiptWriter() {
        this(DEFAULT_WIDTH);
    }

    public ReceiptWriter(int width) {
        this.layout = new TextLayout(width);
    }

    public ReceiptText write(TranLog tran, ReceiptSettings settings) {
        this.settings = settings;
        List<String> lines = new ArrayList<>();
        header(tran, settings, lines);
        body(tran, lines);
        footer(tran, settings, lines);
        String text = String.join("\n", lines) + "\n";
        return new ReceiptText(text, text);
    }

    private String yen(BigDecimal amount) {
        return TextLayout.yen(amount, settings.currencySymbol());
    }

    private void header(TranLog tran, ReceiptSettings settings, List<String> out) {
        for (ReceiptLine line : settings.headers()) {
            out.add(aligned(line));
        }
        String staffId = tran.staff() != null && tran.staff().id() != null ? tran.staff().id() : "";
        out.add(layout.split("レジNo. " + tran.terminalNo(), "責# " + staffId));
        out.add(layout.left(JapaneseDates.dateTime(tran.generateDateTime(), settings.zone())));
        out.add(layout.center("【 " + title(tran) + " 】"));
    }

    static String title(TranLog tran) {
        if (tran.sales() != null && tran.sales().isCancelled()) {
            return "取 引 中 止";
        }
        return switch (tran.transactionType()) {
            case TranLog.SALE -> "領 収 証";
            case TranLog.RETURN -> "返 品 伝 票";
            case TranLog.VOID_SALE -> "売上取消伝票";
            case TranLog.VOID_RETURN -> "返品取消伝票";
            default -> "";
        };
    }

    private void body(TranLog tran, List<String> out) {
        out.add(layout.border());
        for (TranLog.LineItem item : nullSafe(tran.lineItems())) {
            if (item.isCancelled()) {
                continue;
            }
            BigDecimal discounts = sum(nullSafe(item.discounts()).stream().map(TranLog.Discount::discountAmount).toList());
            out.add(layout.split(nullToEmpty(item.itemName()), TextLayout.comma(item.amount().add(discounts)) + taxMark(item.taxCode())));
            if (item.quantity() >= 2) {
                out.add(layout.left(TextLayout.fixedRight(TextLayout.comma(BigDecimal.valueOf(item.quantity())) + " 個", 12)
                        + " @" + TextLayout.comma(item.unitPrice())));
            }
            for (TranLog.Discount d : nullSafe(item.discounts())) {
                if ("DiscountPercentage".equals(d.discountType())) {
                    out.add(layout.split(TextLayout.fixedRight("割引: " + percent(d.discountValue()), 19),
                            TextLayout.comma(d.discountAmount().negate()) + "  "));
                } else {
                    out.add(layout.split(TextLayout.fixedRight("値引:", 15), TextLayout.comma(d.discountAmount().negate()) + "  "));
                }
            }
        }
        out.add(layout.border());

        TranLog.Sales sales = tran.sales();
        List<TranLog.Discount> subtotalDiscounts = nullSafe(tran.subtotalDiscounts());
        BigDecimal subtotal = sales.totalAmount().add(sum(subtotalDiscounts.stream().map(TranLog.Discount::discountAmount).toList()));
        out.add(layout.split("小計" + TextLayout.fixedRight(TextLayout.comma(BigDecimal.valueOf(sales.totalQuantity())) + " 個", 16),
                yen(subtotal) + "  "));
        for (TranLog.Discount d : subtotalDiscounts) {
            String label = "DiscountPercentage".equals(d.discountType()) ? "  小計割引: " + percent(d.discountValue()) : "  小計値引";
            out.add(layout.split(label, yen(d.discountAmount().negate()) + "  "));
        }
        for (TranLog.Tax tax : nullSafe(tran.taxes())) {
            if ("External".equals(tax.taxType())) {
                out.add(layout.split("  " + tax.taxName(), yen(tax.taxAmount()) + "  "));
            }
        }
        out.add(layout.split("合計", yen(sales.totalAmountWithTax()) + "  "));
        for (TranLog.Tax tax : nullSafe(tran.taxes())) {
            out.add(layout.split("  (" + tax.taxName() + " 対象額", yen(tax.targetAmount()) + ")  "));
            out.add(layout.split("  (" + tax.taxName(), yen(tax.taxAmount()) + ")  "));
        }
        payments(tran, out);
        origin(tran, out);
    }

    private void payments(TranLog tran, List<String> out) {
        // cash tenders are shown as one, with deposit and change
        Map<String, TranLog.Payment> byCode = new LinkedHashMap<>();
        for (TranLog.Payment p : nullSafe(tran.payments())) {
            byCode.merge(p.paymentCode(), p, (a, b) -> new TranLog.Payment(a.paymentNo(), a.paymentCode(), a.description(),
                    orZero(a.depositAmount()).add(orZero(b.depositAmount())), a.amount().add(b.amount()), a.detail()));
        }
        List<TranLog.Payment> sorted = new ArrayList<>(byCode.values());
        sorted.sort(Comparator.comparing(TranLog.Payment::paymentCode));
        for (TranLog.Payment p : sorted) {
            if (p.amount().signum() == 0) {
                continue;
            }
            if (CASH_CODE.equals(p.paymentCode())) {
                out.add(layout.split("お預り", yen(orZero(p.depositAmount())) + "  "));
                out.add(layout.split("お釣り", yen(orZero(tran.sales().changeAmount())) + "  "));
                out.add(layout.border());
            }
            out.add(layout.split(nullToEmpty(p.description()), yen(p.amount()) + "  "));
        }
    }

    private void origin(TranLog tran, List<String> out) {
        TranLog.Origin origin = tran.origin();
        if (origin == null || tran.transactionType() == TranLog.SALE) {
            return;
        }
        out.add(layout.border());
        out.add(layout.left("[対象レシート]"));
        out.add(layout.split("日時", JapaneseDates.dateTime(origin.generateDateTime(), settings.zone())));
        String type = switch (origin.transactionType()) {
            case TranLog.SALE -> "売 上";
            case TranLog.RETURN -> "返 品";
            default -> "不 明";
        };
        out.add(layout.split("取引区分", type));
        out.add(layout.split("店舗コード", nullToEmpty(origin.storeCode())));
        out.add(layout.split("レジNo.", String.valueOf(origin.terminalNo())));
        out.add(layout.split("レシートNo.", String.valueOf(origin.receiptNo())));
        out.add(layout.split("取引通番", String.valueOf(origin.transactionNo())));
    }

    private void footer(TranLog tran, ReceiptSettings settings, List<String> out) {
        out.add(layout.border());
        out.add(layout.left("レシートNo. " + tran.receiptNo()));
        out.add(layout.split("店舗コード", nullToEmpty(tran.storeCode())));
        out.add(layout.split("レジNo.", String.valueOf(tran.terminalNo())));
        out.add(layout.split("取引通番", String.valueOf(tran.transactionNo())));
        TranLog.Sales sales = tran.sales();
        if (sales.isStampDutyApplied()) {
            out.add("");
            out.add("-----------");
            out.add("|         |");
            out.add("| (stamp) |");
            out.add("|         |");
            out.add("|         |");
            out.add("-----------");
            out.add(layout.left("印紙代" + TextLayout.comma(sales.stampDutyAmount()) + "円"));
        }
        if (settings.invoiceRegistrationNumber() != null) {
            out.add(layout.left("事業者登録番号 " + settings.invoiceRegistrationNumber()));
        }
        for (ReceiptLine line : settings.footers()) {
            out.add(aligned(line));
        }
    }

    private String aligned(ReceiptLine line) {
        if (line.text().isEmpty()) {
            return "";
        }
        return switch (line.align()) {
            case left -> layout.left(line.text());
            case center -> layout.center(line.text());
            case right -> layout.right(line.text());
        };
    }

    /** Tax marks after the amount: 外 external 10%, 込 internal 10%, 軽 reduced rate (11, 12). */
    static String taxMark(String taxCode) {
        if (taxCode == null) {
            return "  ";
        }
        return switch (taxCode) {
            case "01" -> "外";
            case "02" -> "込";
            case "11", "12" -> "軽";
            default -> "  ";
        };
    }

    private static String percent(BigDecimal value) {
        String digits = TextLayout.comma(value);
        return (digits.length() < 2 ? "0" + digits : digits) + "%";
    }

    private static BigDecimal sum(List<BigDecimal> values) {
        BigDecimal total = BigDecimal.ZERO;
        for (BigDecimal v : values) {
            total = total.add(orZero(v));
        }
        return total;
    }

    private static BigDecimal orZero(BigDecimal v) {
        return v == null ? BigDecimal.ZERO : v;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    private static <T> List<T> nullSafe(List<T> list) {
        return list == null ? List.of() : list;
    }
}
