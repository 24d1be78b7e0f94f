package dev.kassa.terminal.domain;

import dev.kassa.common.text.JapaneseDates;

import java.math.BigDecimal;
import java.time.ZonedDateTime;

/** The 32-column texts of cash movements and of opening and closing a terminal (Kugel's layout). */
public final class Receipts {

    private Receipts() {
    }

    /** Who and where, printed at the top of every terminal receipt. */
    public record Header(String storeCode, String storeName, int terminalNo, String staffId, ZonedDateTime at,
                         String businessDate, int openCounter) {
    }

    public static String cashInOut(Header h, BigDecimal amount, String description) {
        return cashInOut(h, amount, description, null);
    }

    /** A cash movement; a credit repayment names its customer above the amount. */
    public static String cashInOut(Header h, BigDecimal amount, String description, String customerCode) {
        ReceiptText r = header(h, amount.signum() < 0 ? "出 金" : "入 金");
        r.border();
        if (customerCode != null) {
            r.split("顧客", customerCode);
        }
        r.split(description == null ? "" : description, ReceiptText.comma(amount) + "円");
        r.border();
        r.left("レシートNo. ------");
        return r.text();
    }

    public static String open(Header h, BigDecimal initialAmount) {
        ReceiptText r = header(h, "開 設");
        r.border();
        r.split("釣銭準備金", ReceiptText.comma(initialAmount == null ? BigDecimal.ZERO : initialAmount) + "円");
        r.border();
        r.left("レシートNo. ------");
        return r.text();
    }

    public static String close(Header h, int businessCounter, BigDecimal physicalAmount) {
        ReceiptText r = header(h, "精 算");
        r.left("精算通番 " + ReceiptText.fixedLeft(ReceiptText.comma(businessCounter) + "回", 10, false));
        r.border();
        r.split("ドロア内現金", ReceiptText.comma(physicalAmount == null ? BigDecimal.ZERO : physicalAmount) + "円");
        r.border();
        r.left("レシートNo. ------");
        return r.text();
    }

    private static ReceiptText header(Header h, String title) {
        ReceiptText r = new ReceiptText();
        r.left(h.storeName() != null ? "店舗名 " + h.storeName() : h.storeCode());
        r.split("レジNo. " + h.terminalNo(), h.staffId() != null ? "責# " + ReceiptText.zeroFill(h.staffId(), 6) : "責# ------");
        r.left(JapaneseDates.dateTime(h.at().toLocalDateTime()));
        r.center(" ");
        r.center("【 " + title + "  レ ポ ー ト 】");
        r.center(" ");
        r.left("営業日付 " + JapaneseDates.businessDate(h.businessDate()));
        r.left("開設回数 " + ReceiptText.fixedLeft(ReceiptText.comma(h.openCounter()) + "回", 10, false));
        return r;
    }
}
