package dev.kassa.report;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kassa.common.event.TranLog;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The back-office dashboards over the scripted day and one Apple sold the next morning. */
@QuarkusTest
class DashboardTest extends ReportTestBase {
    private static String tenant;

    @BeforeEach
    void twoDays() {
        if (tenant != null) {
            return;
        }
        tenant = newTenant();
        ScriptedDay day = new ScriptedDay(tenant, STORE, 1);
        ScriptedDay next = new ScriptedDay(tenant, STORE, 1, "20260316", 1);
        TranLog morning = next.apple(9, "2026-03-16T09:30:00.000+09:00");
        List<ScriptedDay.Event> events = new ArrayList<>(day.events());
        events.add(next.event(morning));
        publish(events);
        awaitAcks(ids(events), 1);
    }

    private JsonNode board(String name, String query) {
        return data(asUser(tenant).get("/api/v1/tenants/" + tenant + "/stores/" + STORE + "/dashboards/" + name
                + query).then());
    }

    @Test
    void topItemsByQuantityAndByAmount() {
        // Net after every discount, signed: Apple 2+1+3+1-1 = 6 pcs, (180-11)+100+270+100-100 = 539;
        // Cheese 1 pc, 550; Bread 1+2-2 = 1 pc, (300-19)+600-600 = 281.
        JsonNode byQty = board("top-items", "?business_date=20260315");
        assertEquals("quantity", byQty.path("rankedBy").asText());
        assertEquals(List.of("4901", "4903", "4902"), codes(byQty)); // Cheese before Bread: same qty, more amount
        integer(byQty, "/items/0/quantity", 6);
        amount(byQty, "/items/0/amount", "539");
        integer(byQty, "/items/0/rank", 1);
        JsonNode byAmount = board("top-items", "?business_date=20260315&by=amount&limit=2");
        assertEquals(List.of("4903", "4901"), codes(byAmount));
        amount(byAmount, "/items/0/amount", "550");
        // Over both days Apple adds the next morning's sale: 7 pcs, 639.
        JsonNode range = board("top-items", "?business_date_from=20260315&business_date_to=20260316&by=amount");
        assertEquals("4901", range.at("/items/0/itemCode").asText());
        integer(range, "/items/0/quantity", 7);
        amount(range, "/items/0/amount", "639");
        assertEquals("Apple", range.at("/items/0/itemName").asText());
    }

    private static List<String> codes(JsonNode board) {
        List<String> codes = new ArrayList<>();
        board.path("items").forEach(i -> codes.add(i.path("itemCode").asText()));
        return codes;
    }

    @Test
    void salesByHourOfTheDay() {
        JsonNode r = board("sales-by-hour", "?business_date=20260315");
        assertEquals(24, r.path("hours").size());
        // with tax, signed: 10h #1 495; 11h #2 660; 13h #4 297; 14h #5 660;
        // 15h the return #6 -660, #7 +110 and its void #8 -110 = -660
        amount(r, "/hours/10/amount", "495");
        integer(r, "/hours/10/count", 1);
        integer(r, "/hours/10/quantity", 3);
        amount(r, "/hours/11/amount", "660");
        amount(r, "/hours/12/amount", "0");          // the cancelled cart #3 does not count
        amount(r, "/hours/13/amount", "297");
        amount(r, "/hours/14/amount", "660");
        amount(r, "/hours/15/amount", "-660");
        integer(r, "/hours/15/count", -1);           // -1 + 1 - 1
        integer(r, "/hours/15/quantity", -2);        // -2 + 1 - 1
        amount(r, "/totalAmount", "1452");           // 495 + 660 + 297 + 660 - 660, = the day's payments
        integer(r, "/totalCount", 3);
    }

    @Test
    void paymentMixPerDay() {
        JsonNode r = board("payment-mix", "?business_date_from=20260315&business_date_to=20260316");
        assertEquals(2, r.path("days").size());
        JsonNode first = r.at("/days/0");
        assertEquals("20260315", first.path("businessDate").asText());
        amount(first, "/totalAmount", "1452");
        assertEquals("01", first.at("/payments/0/paymentCode").asText());
        amount(first, "/payments/0/amount", "892");
        amount(first, "/payments/0/ratio", "61.43");
        amount(first, "/payments/1/amount", "560");
        amount(first, "/payments/1/ratio", "38.57");
        JsonNode second = r.at("/days/1");
        assertEquals("20260316", second.path("businessDate").asText());
        amount(second, "/totalAmount", "110");
        amount(second, "/payments/0/ratio", "100");
        // One terminal only: the same here, and another terminal has nothing.
        assertEquals(2, board("payment-mix", "?business_date_from=20260315&business_date_to=20260316&terminal_no=1")
                .path("days").size());
        assertEquals(0, board("payment-mix", "?business_date_from=20260315&business_date_to=20260316&terminal_no=2")
                .path("days").size());
    }
}
