package dev.kassa.report.domain;

import dev.kassa.common.api.PageRequest;
import dev.kassa.common.event.OpenCloseLog;
import dev.kassa.common.event.TranLog;
import dev.kassa.report.ScriptedDay;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The makers' arithmetic on the scripted day (see {@link ScriptedDay} for the day itself). */
class ReportMakersTest {

    private final ScriptedDay day = new ScriptedDay("T1", "S1", 1);

    private DayLogs logs() {
        List<OpenCloseLog> oc = List.of(day.open, day.close);
        return new DayLogs(day.trans, day.cash, oc);
    }

    private ReportHeader header(String type) {
        return new ReportHeader("T1", "S1", 1, ScriptedDay.DATE, null, null, 1, null, "daily", type, null);
    }

    static void amount(String expected, BigDecimal actual) {
        assertEquals(0, new BigDecimal(expected).compareTo(actual), "expected " + expected + " but was " + actual);
    }

    @Test
    void salesFollowTheReferenceFormulas() {
        SalesReport r = SalesReportMaker.make(header("sales"), logs());
        // gross = 101 (with tax + discounts) - 201: (495+660+297+660+110) + (50+30) - 110 = 2192
        amount("2192", r.salesGross().amount());
        assertEquals(10, r.salesGross().quantity());   // 3+2+3+2+1 - 1
        assertEquals(4, r.salesGross().count());       // 5 sales - 1 void
        amount("660", r.returns().amount());           // #6
        assertEquals(2, r.returns().quantity());
        assertEquals(1, r.returns().count());
        amount("50", r.discountForLineitems().amount()); // 20 (#1) + 30 (#4); #4's cancelled line is left out
        assertEquals(5, r.discountForLineitems().quantity()); // 2 + 3
        assertEquals(2, r.discountForLineitems().count());
        amount("30", r.discountForSubtotal().amount());
        assertEquals(3, r.discountForSubtotal().quantity()); // the lines carrying an allocation: 2 + 1
        assertEquals(1, r.discountForSubtotal().count());
        // net tax = (45+60+27+60+10 - 10) - 60 = 132 (internal 50 included); net = 2192-660-50-30-132
        amount("1320", r.salesNet().amount());
        assertEquals(8, r.salesNet().quantity());
        assertEquals(3, r.salesNet().count());

        assertEquals(2, r.taxes().size());
        assertEquals("01", r.taxes().get(0).taxCode());
        amount("82", r.taxes().get(0).taxAmount());      // 45+10+27+60+10-60-10
        amount("820", r.taxes().get(0).targetAmount());  // 450+100+270+600+100-600-100
        assertEquals(7, r.taxes().get(0).targetQuantity());
        assertEquals("Internal 10%", r.taxes().get(1).taxName());
        amount("50", r.taxes().get(1).taxAmount());

        assertEquals(2, r.payments().size());
        assertEquals("Cash", r.payments().get(0).paymentName());
        amount("892", r.payments().get(0).amount());     // 495+100+297+660-660
        assertEquals(3, r.payments().get(0).count());
        amount("560", r.payments().get(1).amount());     // 560+110-110
        assertEquals(1, r.payments().get(1).count());
        // Kugel's checks: net = gross - returns - discounts - taxes, and payments = |net| + taxes
        amount("1452", r.payments().get(0).amount().add(r.payments().get(1).amount()));

        amount("15000", r.cash().cashIn().amount());     // the initial amount's cash log + 5000
        assertEquals(2, r.cash().cashIn().count());
        amount("-2000", r.cash().cashOut().amount());
        assertEquals(1, r.cash().cashOut().count());
        amount("13892", r.cash().logicalAmount());       // 892 + 15000 - 2000
        amount("13900", r.cash().physicalAmount());
        amount("8", r.cash().differenceAmount());
        assertKugelSalesSlip(r.receiptText());
        assertEquals(r.receiptText(), r.journalText());
    }

    /** Kugel's sales report receipt (sales_report_receipt_data.py), line for line where the numbers are known. */
    static void assertKugelSalesSlip(String text) {
        List<String> lines = text.lines().toList();
        assertTrue(text.endsWith("\n"), text);
        // every line is exactly 32 columns wide, a kanji counting two, as Kugel pads them
        lines.forEach(l -> assertEquals(32, dev.kassa.common.text.DisplayWidth.of(l), () -> "[" + l + "]\n" + text));
        assertEquals("レジNo. 1" + " ".repeat(18) + " 責# ", lines.get(1));
        assertEquals("【 売 上 レ ポ ー ト ( 日報 ) 】", lines.get(4).strip());
        assertEquals("営業日付 2026年03月15日(日)", lines.get(6).strip());
        assertEquals("開設回数 1回", lines.get(7).strip());
        assertEquals("-".repeat(32), lines.get(8));
        assertEquals("売 上 合 計", lines.get(9).strip());
        assertEquals(" 総売上" + " ".repeat(5) + "  4件" + " ".repeat(7) + " 2,192円", lines.get(10));
        assertEquals(" ".repeat(12) + " 10点", lines.get(11).stripTrailing());
        assertEquals(" 返品" + " ".repeat(7) + "  1件" + " ".repeat(9) + " 660円", lines.get(12));
        assertTrue(lines.contains(" 税額" + " ".repeat(20) + " -132円"), text);
        assertTrue(lines.contains(" 純売上" + " ".repeat(5) + "  3件" + " ".repeat(7) + " 1,320円"), text);
        assertTrue(lines.contains(" ドロア内現金" + " ".repeat(10) + " 13,900円"), text);
        assertTrue(lines.contains(" 過不足" + " ".repeat(21) + " 8円"), text);
        for (String heading : List.of("税 額（内訳）", "支 払", "入出金", "現 金")) {
            assertTrue(lines.stream().anyMatch(l -> l.strip().equals(heading)), heading + "\n" + text);
        }
        assertEquals("レシートNo. ------", lines.get(lines.size() - 1).strip());
    }

    @Test
    void theCategoryItemAndPaymentSlipsAreKugels() {
        String category = CategoryReportMaker.make(header("category"), logs(), Map.of("001", "Fruit")).receiptText();
        assertTrue(category.contains("【分類別売上レポート( 日報 )】"), category);
        assertTrue(category.contains("\nFruit" + " ".repeat(9) + "  6点" + " ".repeat(8) + "600円\n"), category);
        assertTrue(category.contains("\n総売上: 1,450円"), category);
        assertTrue(category.strip().endsWith("レシートNo. ------"), category);
        String payment = PaymentReportMaker.make(header("payment"), logs()).receiptText();
        assertTrue(payment.contains("決 済 方 法 別 集 計"), payment);
        assertTrue(payment.strip().endsWith("*** END ***"), payment);
    }

    @Test
    void aVoidTakesTheWholeSaleBackDiscountsIncluded() {
        TranLog sale = day.trans.get(0);
        TranLog voided = new TranLog(sale.eventId() + "v", sale.eventType(), sale.tenantId(), sale.storeCode(),
                sale.storeName(), sale.terminalNo(), 99, TranLog.VOID_SALE, sale.businessDate(), 1, 1,
                sale.generateDateTime(), 1, sale.user(), sale.staff(), sale.sales(), sale.lineItems(), sale.payments(),
                sale.taxes(), sale.subtotalDiscounts(), null, null, null, null);
        SalesReport r = SalesReportMaker.make(header("sales"),
                new DayLogs(List.of(sale, voided), List.of(), List.of()));
        amount("0", r.salesGross().amount());
        amount("0", r.discountForLineitems().amount());
        amount("0", r.discountForSubtotal().amount());
        amount("0", r.salesNet().amount());
        assertEquals(0, r.salesNet().count());
    }

    @Test
    void aReturnOfADiscountedSaleLeavesTheDiscountInNetAsKugelDoes() {
        // Kugel's formula signs the return's discounts negative while returns count with tax only:
        // sale #1 then its return nets to the 50 of discounts, not 0. Kept for compatibility.
        TranLog sale = day.trans.get(0);
        TranLog ret = new TranLog(sale.eventId() + "r", sale.eventType(), sale.tenantId(), sale.storeCode(),
                sale.storeName(), sale.terminalNo(), 99, TranLog.RETURN, sale.businessDate(), 1, 1,
                sale.generateDateTime(), 1, sale.user(), sale.staff(), sale.sales(), sale.lineItems(), sale.payments(),
                sale.taxes(), sale.subtotalDiscounts(), null, null, null, null);
        SalesReport r = SalesReportMaker.make(header("sales"), new DayLogs(List.of(sale, ret), List.of(), List.of()));
        amount("545", r.salesGross().amount());  // 495 + 50
        amount("495", r.returns().amount());
        amount("0", r.discountForLineitems().amount());
        amount("50", r.salesNet().amount());     // 545 - 495 - 0 - 0 - 0
    }

    @Test
    void categoriesCountEachDiscountOnce() {
        CategoryReport r = CategoryReportMaker.make(header("category"), logs());
        assertEquals(2, r.categories().size());
        CategoryReport.Line c001 = r.categories().get(0);
        assertEquals("001", c001.categoryCode());
        amount("600", c001.grossAmount());     // 200 (#1) + 100 (#2) + 300 (#4) + 100 (#7) - 100 (#8)
        amount("61", c001.discountAmount());   // 20 + 11 (#1) + 30 (#4)
        amount("539", c001.netAmount());
        assertEquals(6, c001.quantity());
        assertEquals(5, c001.discountQuantity());
        assertEquals(3, c001.transactionCount()); // #1, #2, #4, #7 - #8
        CategoryReport.Line c002 = r.categories().get(1);
        amount("850", c002.grossAmount());     // 300 (#1) + 550 (#2) + 600 (#5) - 600 (#6)
        amount("19", c002.discountAmount());
        amount("831", c002.netAmount());
        assertEquals(2, c002.quantity());
        assertEquals(1, c002.discountQuantity());
        assertEquals(2, c002.transactionCount()); // #1, #2, #5 - #6
        amount("1450", r.totalGrossAmount());
        amount("80", r.totalDiscountAmount());   // the sales report's 50 + 30
        amount("1370", r.totalNetAmount());      // the sales report's net 1320 + internal tax 50
        assertEquals(8, r.totalQuantity());
        assertEquals(6, r.totalDiscountQuantity());
        assertEquals(5, r.totalTransactionCount());
    }

    @Test
    void categoriesPageAndSortButTotalsStay() {
        CategoryReport full = CategoryReportMaker.make(header("category"), logs());
        CategoryReport page = CategoryReportMaker.page(full,
                PageRequest.of(1, 1, "net_amount:-1", ReportType.CATEGORY.sortable()));
        assertEquals(1, page.categories().size());
        assertEquals("002", page.categories().get(0).categoryCode());
        amount("1450", page.totalGrossAmount());
        CategoryReport second = CategoryReportMaker.page(full, PageRequest.of(2, 1, null, Set.of()));
        assertEquals("002", second.categories().get(0).categoryCode());
    }

    @Test
    void itemsGroupByCategory() {
        ItemReport r = ItemReportMaker.make(header("item"), logs());
        assertEquals(2, r.categories().size());
        ItemReport.Category c002 = r.categories().get(1);
        assertEquals(2, c002.items().size());
        ItemReport.Item bread = c002.items().get(0);
        assertEquals("Bread", bread.itemName());
        amount("300", bread.grossAmount());    // 300 (#1) + 600 (#5) - 600 (#6)
        amount("19", bread.discountAmount());
        amount("281", bread.netAmount());
        assertEquals(1, bread.quantity());
        assertEquals(1, bread.transactionCount()); // #1 + #5 - #6
        ItemReport.Item cheese = c002.items().get(1);
        amount("550", cheese.netAmount());
        amount("831", c002.categoryTotalNetAmount());
        amount("1370", r.totalNetAmount());
    }

    @Test
    void paymentsWithRatios() {
        PaymentReport r = PaymentReportMaker.make(header("payment"), logs());
        assertEquals("01", r.paymentSummary().get(0).paymentCode());
        amount("892", r.paymentSummary().get(0).amount());
        assertEquals(3, r.paymentSummary().get(0).count());     // #1, #2, #4, #5 - #6
        amount("61.43", r.paymentSummary().get(0).ratio());     // 892 / 1452
        amount("560", r.paymentSummary().get(1).amount());
        assertEquals(1, r.paymentSummary().get(1).count());     // #2 + #7 - #8
        amount("38.57", r.paymentSummary().get(1).ratio());
        amount("1452", r.total().amount());
        assertEquals(4, r.total().count());
    }

    @Test
    void promotionsOfTheLines() {
        PromotionReport r = PromotionReportMaker.make(header("promotion"), logs());
        assertEquals(1, r.promotions().size());
        PromotionReport.Line p = r.promotions().get(0);
        assertEquals("PROMO10", p.promotionCode());
        assertEquals("category_discount", p.promotionType());
        amount("300", p.grossAmount());
        amount("30", p.discountAmount());
        amount("270", p.netAmount());
        assertEquals(3, p.quantity());
        assertEquals(1, p.transactionCount());
    }

    @Test
    void aRangeOfDaysAddsUp() {
        ScriptedDay next = new ScriptedDay("T1", "S1", 1, "20260316", 1);
        List<TranLog> trans = new ArrayList<>(day.trans);
        trans.addAll(next.trans);
        ReportHeader h = new ReportHeader("T1", "S1", null, null, "20260315", "20260316", null, null, "daily",
                "sales", null);
        SalesReport r = SalesReportMaker.make(h, new DayLogs(trans, List.of(), List.of()));
        amount("4384", r.salesGross().amount()); // 2 x 2192
        amount("2640", r.salesNet().amount());   // 2 x 1320
        assertNull(r.header().businessDate());
    }

    @Test
    void aTransactionUnderTwoEventIdsCountsOnce() {
        TranLog t = day.trans.get(4);
        TranLog again = new TranLog("another-event", t.eventType(), t.tenantId(), t.storeCode(), t.storeName(),
                t.terminalNo(), t.transactionNo(), t.transactionType(), t.businessDate(), t.openCounter(),
                t.businessCounter(), t.generateDateTime(), t.receiptNo(), t.user(), t.staff(), t.sales(),
                t.lineItems(), t.payments(), t.taxes(), t.subtotalDiscounts(), t.origin(), null, null, null);
        SalesReport r = SalesReportMaker.make(header("sales"), new DayLogs(List.of(t, again), List.of(), List.of()));
        amount("660", r.salesGross().amount());
    }
}
