package dev.kassa.cart.domain.receipt;

import dev.kassa.cart.domain.Cart;
import dev.kassa.cart.domain.DiscountRequest;
import dev.kassa.cart.domain.ItemToAdd;
import dev.kassa.cart.domain.PaymentMethod;
import dev.kassa.cart.domain.PaymentRequest;
import dev.kassa.cart.domain.TranLogMapper;
import dev.kassa.cart.domain.TransactionNumbers;
import dev.kassa.cart.domain.transaction.ReversalContext;
import dev.kassa.cart.domain.transaction.Reversals;
import dev.kassa.cart.domain.transaction.TransactionStatus;
import dev.kassa.common.event.TranLog;
import dev.kassa.common.text.JapaneseDates;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import static dev.kassa.cart.domain.Fixtures.*;
import static org.junit.jupiter.api.Assertions.*;

/** 32-column receipt and journal text. */
class ReceiptWriterTest {

    static final ReceiptSettings SETTINGS = ReceiptSettings.fromSettingValues(
            "[{'text':'Kassa Store','align':'center'},{'text':'','align':'left'},{'text':'Tel 03','align':'right'}]",
            "[{'text':'Thank you','align':'center'}]", "T1234567890123");

    static Cart flowSale(ReceiptSettings settings) {
        Cart cart = payingCartWith(ItemToAdd.of(item4901(), 2));
        cart.addPayments(List.of(PaymentRequest.of("01", 1000)), CTX);
        return cart.bill(FIRST_NUMBERS, NOW, settings);
    }

    @Test
    void theFlowSaleExactly() {
        String expected = String.join("\n",
                "レジNo. 9               責# S001",
                "2025年05月01日(木) 12:34",
                "         【 領 収 証 】         ",
                "--------------------------------",
                "Item1                      200外",
                "        2 個 @100",
                "--------------------------------",
                "小計            2 個      \\200  ",
                "  外税10%                  \\20  ",
                "合計                      \\220  ",
                "  (外税10% 対象額        \\200)  ",
                "  (外税10%                \\20)  ",
                "お預り                  \\1,000  ",
                "お釣り                    \\780  ",
                "--------------------------------",
                "Cash                      \\220  ",
                "--------------------------------",
                "レシートNo. 111111",
                "店舗コード                  5678",
                "レジNo.                        9",
                "取引通番                       1",
                "");
        Cart cart = flowSale(ReceiptSettings.none());
        assertEquals(expected, cart.receiptText());
        assertEquals(expected, cart.journalText());
    }

    @Test
    void headersFootersAndInvoiceNumber() {
        String text = flowSale(SETTINGS).receiptText();
        List<String> lines = text.lines().toList();
        assertEquals("          Kassa Store           ", lines.get(0));
        assertEquals("", lines.get(1));
        assertEquals("                          Tel 03", lines.get(2));
        assertEquals("事業者登録番号 T1234567890123", lines.get(lines.size() - 2));
        assertEquals("           Thank you            ", lines.get(lines.size() - 1));
    }

    @Test
    void discountsAndSeveralTenders() {
        Cart cart = newCart().addItems(List.of(ItemToAdd.of(item4901(), 2), ItemToAdd.of(item("B", 300, "12"), 1)), CTX);
        cart.setLineDiscounts(1, List.of(DiscountRequest.percentage(10), DiscountRequest.amount(5)), CTX);
        cart.subtotal(CTX).setSubtotalDiscounts(List.of(DiscountRequest.amount(10)), CTX);
        cart.addPayments(List.of(PaymentRequest.of("11", 100), PaymentRequest.of("01", 1000)), CTX);
        String text = cart.bill(FIRST_NUMBERS, NOW, ReceiptSettings.none()).receiptText();
        assertTrue(text.contains("\n          割引: 10%        -20  \n"), text);
        assertTrue(text.contains("\n          値引:             -5  \n"), text);
        assertTrue(text.contains("\nItem B                     300軽\n"), text);
        assertTrue(text.contains("\n  小計値引                -\\10  \n"), text);
        assertTrue(text.contains("\n  (内税 8% 対象額        \\293)  \n"), text);
        assertTrue(text.contains("\n合計                      \\482  \n"), text);
        assertTrue(text.contains("\nお釣り                    \\618  \n"), text);
        assertTrue(text.contains("\nCash                      \\382  \nCashless                  \\100  \n"), text);
        assertFitsWidth(text);
    }

    @Test
    void cancelledLinesAreNotPrinted() {
        Cart cart = cartWith(ItemToAdd.of(item4901(), 1), ItemToAdd.of(item("GONE", 500, "01"), 1));
        cart.cancelLineItem(2, CTX);
        cart.subtotal(CTX).addPayments(List.of(PaymentRequest.of("01", 110)), CTX);
        String text = cart.bill(FIRST_NUMBERS, NOW, ReceiptSettings.none()).receiptText();
        assertFalse(text.contains("GONE"));
        assertTrue(text.contains("\nお預り                    \\110  \nお釣り                      \\0  \n"), text);
        assertTrue(text.contains("\nCash                      \\110  \n"), text);
    }

    @Test
    void cancelledSale() {
        Cart cart = cartWith(ItemToAdd.of(item4901(), 1));
        String text = cart.cancel(new TransactionNumbers(3, 111113), NOW, ReceiptSettings.none()).receiptText();
        assertTrue(text.contains("\n       【 取 引 中 止 】        \n"), text);
        assertTrue(text.contains("レシートNo. 111113"));
        assertFitsWidth(text);
    }

    @ParameterizedTest(name = "type {0} -> {1}")
    @CsvSource({"101, 領 収 証", "102, 返 品 伝 票", "201, 売上取消伝票", "202, 返品取消伝票", "999, ''"})
    void titles(int type, String title) {
        TranLog t = TranLogMapper.fromCart(flowSale(ReceiptSettings.none()), "e");
        TranLog typed = new TranLog(t.eventId(), t.eventType(), t.tenantId(), t.storeCode(), t.storeName(), t.terminalNo(),
                t.transactionNo(), type, t.businessDate(), t.openCounter(), t.businessCounter(), t.generateDateTime(),
                t.receiptNo(), t.user(), t.staff(), t.sales(), t.lineItems(), t.payments(), t.taxes(), t.subtotalDiscounts(),
                t.origin(), null, null, t.additionalInfo());
        assertEquals(title, ReceiptWriter.title(typed));
    }

    @Test
    void returnShowsTheOriginalReceipt() {
        TranLog sale = TranLogMapper.fromCart(flowSale(ReceiptSettings.none()), "e");
        TranLog ret = Reversals.returnOf(sale, TransactionStatus.NONE, List.of(PaymentRequest.of("01", 220)),
                PaymentMethod.defaults(), new ReversalContext(new TransactionNumbers(2, 111112), "20250502", 1, 2,
                        NOW.plusDays(1), SETTINGS, "r")).tranLog();
        String text = ret.receiptText();
        assertTrue(text.contains("\n2025年05月02日(金) 12:34\n"), text);
        assertTrue(text.contains("\n[対象レシート]\n日時    2025年05月01日(木) 12:34\n取引区分                   売 上\n"), text);
        assertTrue(text.contains("\nレシートNo.               111111\n"), text);
        assertTrue(text.contains("\nレシートNo. 111112\n"), text);
        assertTrue(text.contains("Thank you"));
        assertFitsWidth(text);
    }

    @Test
    void deterministic() {
        assertEquals(flowSale(SETTINGS).receiptText(), flowSale(SETTINGS).receiptText());
    }

    @Test
    void longNamesAndBigAmountsStayInThe32Columns() {
        Cart cart = cartWith(ItemToAdd.of(new dev.kassa.cart.domain.ItemMaster("L", "とても長い商品名の説明がここに入ります",
                bd(1234567), null, "001", "01", false, List.of()), 12));
        cart.subtotal(CTX).addPayments(List.of(PaymentRequest.of("01", 20_000_000)), CTX);
        String text = cart.bill(FIRST_NUMBERS, NOW, SETTINGS).receiptText();
        assertTrue(text.contains("14,814,804外"), text);
        assertTrue(text.contains("印紙代4,000円"), text);
        assertFitsWidth(text);
    }

    @ParameterizedTest
    @CsvSource({"2025-05-01T12:34:56+09:00, 2025年05月01日(木) 12:34", "2025-05-04T09:05:00, 2025年05月04日(日) 09:05",
            "yesterday, yesterday"})
    void dates(String value, String expected) {
        assertEquals(expected, JapaneseDates.dateTime(value, null));
    }

    /** Times are stored in UTC; the receipt prints the store's local time (Kugel's stores are in Tokyo). */
    @Test
    void timesPrintInTheStoresZone() {
        assertEquals("2025年05月01日(木) 09:05", JapaneseDates.dateTime("2025-05-01T00:05:00Z", ZoneId.of("Asia/Tokyo")));
        assertEquals("2025年05月01日(木) 00:05", JapaneseDates.dateTime("2025-04-30T15:05:00Z", ZoneId.of("Asia/Tokyo")));
        Cart cart = payingCartWith(ItemToAdd.of(item4901(), 1));
        cart.addPayments(List.of(PaymentRequest.of("01", 1000)), CTX);
        String text = cart.bill(FIRST_NUMBERS, NOW.withOffsetSameInstant(ZoneOffset.UTC),
                SETTINGS.inZone(ZoneId.of("Asia/Tokyo"))).receiptText();
        assertTrue(text.contains("\n2025年05月01日(木) 12:34\n"), text);
    }

    @Test
    void theCurrencySymbolIsASetting() {
        ReceiptSettings euro = ReceiptSettings.fromSettingValues(null, null, null, "€");
        String text = flowSale(euro).receiptText();
        assertTrue(text.contains("\n合計                      €220  \n"), text);
        assertTrue(flowSale(ReceiptSettings.none()).receiptText().contains("\n合計                      \\220  \n"));
    }

    static void assertFitsWidth(String text) {
        text.lines().forEach(line -> assertTrue(TextLayout.widthOf(line) <= 32, () -> "too wide: [" + line + "]"));
    }
}
