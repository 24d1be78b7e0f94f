package dev.kassa.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The scripted day of {@link ScriptedDay}, every event delivered twice, then each report against
 * numbers worked out by hand (the arithmetic is in the comments).
 */
@QuarkusTest
class ScriptedDayTest extends ReportTestBase {
    private static String tenant;
    private static ScriptedDay day;

    @BeforeEach
    void theDayArrivedTwice() {
        if (tenant != null) {
            return;
        }
        tenant = newTenant();
        day = new ScriptedDay(tenant, STORE, 1);
        List<ScriptedDay.Event> twice = new ArrayList<>(day.events());
        twice.addAll(day.events());
        publish(twice);
        awaitAcks(ids(twice), 2);
    }

    private RequestSpecification user() {
        return asUser(tenant);
    }

    private String terminalPath() {
        return "/api/v1/tenants/" + tenant + "/stores/" + STORE + "/terminals/1/reports";
    }

    private String storePath() {
        return "/api/v1/tenants/" + tenant + "/stores/" + STORE + "/reports";
    }

    private JsonNode daily(RequestSpecification who, String path, String type) {
        return data(who.queryParam("report_scope", "daily").queryParam("report_type", type)
                .queryParam("business_date", ScriptedDay.DATE).queryParam("open_counter", 1).get(path).then());
    }

    static void assertSalesOfTheDay(JsonNode r) {
        // gross = sales (with tax + their discounts) - the void: (495+660+297+660+110) + (50+30) - 110 = 2192;
        // quantity 3+2+3+2+1 - 1 = 10; count 5 - 1 = 4
        figure(r, "/salesGross", "2192", 10, 4);
        // returns = the return #6 with tax: 660, 2 pieces, 1 transaction
        figure(r, "/returns", "660", 2, 1);
        // line discounts: 20 (#1, 2 pcs) + 30 (#4 promotion, 3 pcs); #4's cancelled line does not count
        figure(r, "/discountForLineitems", "50", 5, 2);
        // subtotal discount: 30 (#1) on its 2 + 1 allocated pieces
        figure(r, "/discountForSubtotal", "30", 3, 1);
        // net tax = (45+60+27+60+10 - 10) - 60 = 132 (the 50 internal tax of #2 included);
        // net = 2192 - 660 - 50 - 30 - 132 = 1320; quantity 10 - 2 = 8; count 4 - 1 = 3
        figure(r, "/salesNet", "1320", 8, 3);
        assertEquals(2, r.path("taxes").size());
        assertEquals("External 10%", r.at("/taxes/0/taxName").asText());
        amount(r, "/taxes/0/taxAmount", "82");      // 45+10+27+60+10 - 60 (#6) - 10 (#8)
        amount(r, "/taxes/0/targetAmount", "820");  // 450+100+270+600+100 - 600 - 100
        integer(r, "/taxes/0/targetQuantity", 7);   // 3+1+3+2+1 - 2 - 1
        assertEquals("Internal 10%", r.at("/taxes/1/taxName").asText());
        amount(r, "/taxes/1/taxAmount", "50");
        amount(r, "/taxes/1/targetAmount", "550");
        integer(r, "/taxes/1/targetQuantity", 1);
        assertEquals(2, r.path("payments").size());
        assertEquals("Cash", r.at("/payments/0/paymentName").asText());
        amount(r, "/payments/0/amount", "892");     // 495 + 100 + 297 + 660 - 660
        integer(r, "/payments/0/count", 3);         // #1 #2 #4 #5 - #6
        assertEquals("Cashless", r.at("/payments/1/paymentName").asText());
        amount(r, "/payments/1/amount", "560");     // 560 + 110 - 110
        integer(r, "/payments/1/count", 1);
        // cash: in = 10000 (the initial amount's log) + 5000; out = -2000;
        // logical = 892 + 15000 - 2000 = 13892; counted 13900; difference 13900 - 13892 = 8
        amount(r, "/cash/cashIn/amount", "15000");
        integer(r, "/cash/cashIn/count", 2);
        amount(r, "/cash/cashOut/amount", "-2000");
        integer(r, "/cash/cashOut/count", 1);
        amount(r, "/cash/logicalAmount", "13892");
        amount(r, "/cash/physicalAmount", "13900");
        amount(r, "/cash/differenceAmount", "8");
    }

    @Test
    void theDailySalesReportOfTheTerminalIsTheHandNumbers() {
        JsonNode r = daily(user(), terminalPath(), "sales");
        assertEquals(tenant, r.path("tenantId").asText());
        assertEquals(STORE, r.path("storeCode").asText());
        assertEquals(1, r.path("terminalNo").asInt());
        assertEquals(ScriptedDay.DATE, r.path("businessDate").asText());
        assertEquals(1, r.path("openCounter").asInt());
        assertSalesOfTheDay(r);
        assertTrue(r.path("receiptText").asText().contains("【 売 上 レ ポ ー ト ( 日報 ) 】"));
        assertEquals(r.path("receiptText"), r.path("journalText"));
    }

    @Test
    void theStoreTheFlashReportAndARangeGiveTheSameNumbers() {
        JsonNode store = daily(user(), storePath(), "sales");
        assertTrue(store.path("terminalNo").isNull());
        assertSalesOfTheDay(store);

        JsonNode flash = data(asTerminal(tenant, STORE, 1).queryParam("report_scope", "flush")
                .queryParam("report_type", "sales").queryParam("business_date", ScriptedDay.DATE)
                .get(terminalPath()).then());
        assertEquals("flash", flash.path("reportScope").asText());
        assertSalesOfTheDay(flash);

        // Kugel's sales report ignores a range (empty numbers); Kassa gives the range's numbers.
        JsonNode range = data(user().queryParam("report_scope", "daily").queryParam("report_type", "sales")
                .queryParam("business_date_from", "20260301").queryParam("business_date_to", "20260331")
                .get(storePath()).then());
        assertTrue(range.path("businessDate").isNull());
        assertEquals("20260301", range.path("businessDateFrom").asText());
        assertSalesOfTheDay(range);
    }

    @Test
    void theCategoryReport() {
        JsonNode r = daily(user(), terminalPath(), "category");
        assertEquals(2, r.path("categories").size());
        // 001 (Apple): gross 200 (#1) + 100 (#2) + 300 (#4) + 100 (#7) - 100 (#8) = 600;
        // discount 20 + 11 (#1) + 30 (#4) = 61; net 539; qty 2+1+3+1-1 = 6; discounted qty 2+3 = 5;
        // transactions #1 #2 #4 #7 - #8 = 3
        assertEquals("001", r.at("/categories/0/categoryCode").asText());
        assertEquals("Fruit", r.at("/categories/0/categoryName").asText()); // from master data
        amount(r, "/categories/0/grossAmount", "600");
        amount(r, "/categories/0/discountAmount", "61");
        amount(r, "/categories/0/netAmount", "539");
        integer(r, "/categories/0/quantity", 6);
        integer(r, "/categories/0/discountQuantity", 5);
        integer(r, "/categories/0/transactionCount", 3);
        // 002 (Bread, Cheese): gross 300 (#1) + 550 (#2) + 600 (#5) - 600 (#6) = 850; discount 19 (#1's
        // share of the subtotal discount); net 831; qty 1+1+2-2 = 2; discounted qty 1; transactions 3 - 1 = 2
        assertEquals("002", r.at("/categories/1/categoryCode").asText());
        assertEquals("Bakery", r.at("/categories/1/categoryName").asText());
        amount(r, "/categories/1/grossAmount", "850");
        amount(r, "/categories/1/discountAmount", "19");
        amount(r, "/categories/1/netAmount", "831");
        integer(r, "/categories/1/quantity", 2);
        integer(r, "/categories/1/discountQuantity", 1);
        integer(r, "/categories/1/transactionCount", 2);
        // totals: 1450, 80 (= 50 line + 30 subtotal), 1370 (= sales net 1320 + internal tax 50)
        amount(r, "/totalGrossAmount", "1450");
        amount(r, "/totalDiscountAmount", "80");
        amount(r, "/totalNetAmount", "1370");
        integer(r, "/totalQuantity", 8);
        integer(r, "/totalDiscountQuantity", 6);
        integer(r, "/totalTransactionCount", 5);
    }

    @Test
    void theCategoryReportPagesItsList() {
        String body = user().queryParam("report_scope", "daily").queryParam("report_type", "category")
                .queryParam("business_date", ScriptedDay.DATE).queryParam("sort", "netAmount:-1")
                .queryParam("limit", 1).queryParam("page", 1).get(terminalPath()).then().statusCode(200)
                .extract().asString();
        JsonNode all = read(body);
        assertEquals(1, all.at("/data/categories").size());
        assertEquals("002", all.at("/data/categories/0/categoryCode").asText()); // net 831 > 539
        amount(all, "/data/totalNetAmount", "1370");
        assertEquals(2, all.at("/metadata/total").asInt());
        assertEquals(1, all.at("/metadata/limit").asInt());
        assertEquals("net_amount:-1", all.at("/metadata/sort").asText());
    }

    @Test
    void theItemReport() {
        JsonNode r = daily(user(), terminalPath(), "item");
        assertEquals(2, r.path("categories").size());
        JsonNode apple = r.at("/categories/0/items/0");
        assertEquals("4901", apple.path("itemCode").asText());
        assertEquals("Apple", apple.path("itemName").asText());
        amount(apple, "/netAmount", "539");          // as category 001
        integer(apple, "/quantity", 6);
        JsonNode c002 = r.at("/categories/1");
        assertEquals("Bakery", c002.path("categoryName").asText());
        assertEquals(2, c002.path("items").size());
        // Bread: 300 (#1) + 600 (#5) - 600 (#6) = 300, discount 19, net 281, qty 1+2-2 = 1
        JsonNode bread = c002.at("/items/0");
        assertEquals("Bread", bread.path("itemName").asText());
        amount(bread, "/grossAmount", "300");
        amount(bread, "/discountAmount", "19");
        amount(bread, "/netAmount", "281");
        integer(bread, "/quantity", 1);
        integer(bread, "/transactionCount", 1);     // #1 + #5 - #6
        // Cheese: 550 once
        JsonNode cheese = c002.at("/items/1");
        amount(cheese, "/netAmount", "550");
        integer(cheese, "/quantity", 1);
        amount(c002, "/categoryTotalNetAmount", "831"); // 281 + 550
        amount(r, "/totalNetAmount", "1370");
    }

    @Test
    void thePaymentReportInKugelsSnakeCase() {
        JsonNode r = daily(user(), terminalPath(), "payment");
        assertEquals(tenant, r.path("tenant_id").asText());
        JsonNode cash = r.at("/payment_summary/0");
        assertEquals("01", cash.path("payment_code").asText());
        assertEquals("Cash", cash.path("payment_name").asText());
        amount(cash, "/amount", "892");
        integer(cash, "/count", 3);
        amount(cash, "/ratio", "61.43");             // 892 / 1452 x 100
        JsonNode cashless = r.at("/payment_summary/1");
        assertEquals("11", cashless.path("payment_code").asText());
        amount(cashless, "/amount", "560");
        integer(cashless, "/count", 1);             // #2 + #7 - #8
        amount(cashless, "/ratio", "38.57");         // 560 / 1452 x 100
        amount(r, "/total/amount", "1452");
        integer(r, "/total/count", 4);
    }

    @Test
    void thePromotionReport() {
        JsonNode r = daily(user(), terminalPath(), "promotion");
        assertEquals(1, r.path("promotions").size());
        JsonNode p = r.at("/promotions/0");
        assertEquals("PROMO10", p.path("promotionCode").asText());
        assertEquals("category_discount", p.path("promotionType").asText());
        amount(p, "/grossAmount", "300");            // Apple 100 x 3 on #4
        amount(p, "/discountAmount", "30");          // 10 %
        amount(p, "/netAmount", "270");
        integer(p, "/quantity", 3);
        integer(p, "/transactionCount", 1);
        amount(r, "/totalDiscountAmount", "30");
    }

    @Test
    void theWholeDayDeliveredAgainChangesNoNumber() {
        publish(day.events());
        awaitAcks(ids(day.events()), 3);
        assertSalesOfTheDay(daily(user(), terminalPath(), "sales"));
        JsonNode category = daily(user(), storePath(), "category");
        amount(category, "/totalNetAmount", "1370");
        integer(category, "/totalTransactionCount", 5);
    }
}
