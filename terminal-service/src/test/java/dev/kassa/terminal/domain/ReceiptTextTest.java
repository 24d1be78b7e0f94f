package dev.kassa.terminal.domain;

import dev.kassa.common.text.JapaneseDates;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReceiptTextTest {
    private static final ZonedDateTime MONDAY = ZonedDateTime.of(2025, 6, 2, 10, 4, 59, 0, ZoneId.of("Asia/Tokyo"));

    @Test
    void fullWidthCharactersTakeTwoColumns() {
        assertEquals(4, ReceiptText.width("abcd"));
        assertEquals(10, ReceiptText.width("テスト店舗"));
        assertEquals(16, ReceiptText.width("【入金レポート】"));
        assertEquals(9, ReceiptText.width("500,000円"));
        assertEquals(4, ReceiptText.width("ＡＢ"));
    }

    @Test
    void numbersAndDatesAsOnJapaneseReceipts() {
        assertEquals("1,234,567", ReceiptText.comma(new BigDecimal("1234567")));
        assertEquals("-50,000", ReceiptText.comma(new BigDecimal("-50000")));
        assertEquals("2", ReceiptText.comma(new BigDecimal("2.5")));
        assertEquals("0", ReceiptText.comma((BigDecimal) null));
        assertEquals("00S001", ReceiptText.zeroFill("S001", 6));
        assertEquals("LONGSTAFF", ReceiptText.zeroFill("LONGSTAFF", 6));
        assertEquals("2025年06月02日(月) 10:04", JapaneseDates.dateTime(MONDAY.toLocalDateTime()));
        assertEquals("2025年06月07日(土)", JapaneseDates.businessDate("20250607"));
        assertEquals("2025-06", JapaneseDates.businessDate("2025-06"));
    }

    @Test
    void aSplitLineKeepsTheValueFlushRightAndCutsTheText() {
        assertEquals("Cash In Test" + " ".repeat(10) + " 100,000円",
                new ReceiptText().split("Cash In Test", "100,000円").lines().get(0));
        String cut = new ReceiptText().split("とても長い説明文がここに入りますとても長い", "1円").lines().get(0);
        assertEquals(32, ReceiptText.width(cut));
        assertTrue(cut.endsWith(" 1円"));
    }

    @Test
    void cashOutReceiptHasEveryLineThirtyTwoColumnsWide() {
        Receipts.Header header = new Receipts.Header("5678", "テスト店舗", 9, null, MONDAY, "20250602", 12);
        String text = Receipts.cashInOut(header, new BigDecimal("-50000"), "Cash Out (Default)");
        List<String> lines = text.lines().toList();
        assertEquals(List.of(
                "店舗名 テスト店舗" + " ".repeat(15),
                "レジNo. 9" + " ".repeat(12) + " 責# ------",
                "2025年06月02日(月) 10:04" + " ".repeat(8),
                " ".repeat(32),
                " ".repeat(4) + "【 出 金  レ ポ ー ト 】" + " ".repeat(4),
                " ".repeat(32),
                "営業日付 2025年06月02日(月)" + " ".repeat(5),
                "開設回数 12回" + " ".repeat(19),
                "-".repeat(32),
                "Cash Out (Default)" + " ".repeat(4) + " -50,000円",
                "-".repeat(32),
                "レシートNo. ------" + " ".repeat(14)), lines);
        lines.forEach(l -> assertEquals(32, ReceiptText.width(l), l));
    }

    @Test
    void openAndCloseReceipts() {
        Receipts.Header header = new Receipts.Header("5678", null, 1, "S001", MONDAY, "20250602", 2);
        List<String> open = Receipts.open(header, new BigDecimal("500000")).lines().toList();
        assertEquals("5678" + " ".repeat(28), open.get(0));
        assertEquals(" ".repeat(4) + "【 開 設  レ ポ ー ト 】" + " ".repeat(4), open.get(4));
        assertEquals("釣銭準備金" + " ".repeat(12) + " 500,000円", open.get(9));

        List<String> close = Receipts.close(header, 7, new BigDecimal("1280000")).lines().toList();
        assertEquals(" ".repeat(4) + "【 精 算  レ ポ ー ト 】" + " ".repeat(4), close.get(4));
        assertEquals("精算通番 7回" + " ".repeat(20), close.get(8));
        assertEquals("ドロア内現金" + " ".repeat(8) + " 1,280,000円", close.get(10));
        close.forEach(l -> assertEquals(32, ReceiptText.width(l), l));
        // Without a counted amount the drawer shows 0.
        assertTrue(Receipts.close(header, 7, null).contains("ドロア内現金" + " ".repeat(16) + " 0円"));
    }
}
