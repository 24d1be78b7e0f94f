package dev.kassa.report;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The services the report service calls. A report a terminal asks for with its API key is pushed to
 * the journal (501 flash, 502 daily), not one asked for with a JWT; a journal that is down does not
 * fail the report; without master data, categories are named by their codes.
 */
@QuarkusTest
class DownstreamTest extends ReportTestBase {
    private static String tenant;

    @BeforeEach
    void aClosedDay() {
        if (tenant != null) {
            return;
        }
        tenant = newTenant();
        ScriptedDay day = new ScriptedDay(tenant, STORE, 1);
        publish(day.events());
        awaitAcks(ids(day.events()), 1);
    }

    private static String control(String what) {
        String url = org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getValue("kassa.test.fake-downstream-url", String.class);
        return given().baseUri(url).port(-1).get("/control/" + what).then().statusCode(200).extract().asString();
    }

    /** What the journal double received for this test's tenant. */
    private static List<JsonNode> journals() {
        List<JsonNode> ours = new ArrayList<>();
        read(control("list")).forEach(j -> {
            if (tenant.equals(j.at("/body/tenantId").asText())) {
                ours.add(j);
            }
        });
        return ours;
    }

    private String terminalReports() {
        return "/api/v1/tenants/" + tenant + "/stores/" + STORE + "/terminals/1/reports";
    }

    @Test
    void onlyReportsAskedForWithAnApiKeyGoToTheJournal() {
        int before = journals().size();
        data(asTerminal(tenant, STORE, 1).queryParam("report_scope", "flash").queryParam("report_type", "sales")
                .queryParam("business_date", ScriptedDay.DATE).get(terminalReports()).then());
        data(asUser(tenant).queryParam("report_scope", "daily").queryParam("report_type", "sales")
                .queryParam("business_date", ScriptedDay.DATE).get(terminalReports()).then());
        assertEquals(before, journals().size(), "JWT and user reports are not journaled");

        JsonNode flash = data(withApiKey(tenant, STORE, 1).queryParam("report_scope", "flash")
                .queryParam("report_type", "sales").queryParam("business_date", ScriptedDay.DATE)
                .queryParam("open_counter", 1).get(terminalReports()).then());
        ScriptedDayTest.assertSalesOfTheDay(flash);
        List<JsonNode> pushed = journals();
        assertEquals(before + 1, pushed.size());
        JsonNode entry = pushed.get(pushed.size() - 1);
        assertEquals("/api/v1/tenants/" + tenant + "/stores/S1/terminals/1/journals", entry.path("path").asText());
        assertEquals(tenant + "-S1-1", entry.path("terminalId").asText());
        assertTrue(entry.path("bearer").asBoolean(), "a service token goes along");
        JsonNode body = entry.path("body");
        assertEquals(501, body.path("transactionType").asInt());
        assertEquals(1, body.path("terminalNo").asInt());
        assertEquals(ScriptedDay.DATE, body.path("businessDate").asText());
        assertEquals(1, body.path("openCounter").asInt());
        assertEquals("SYSTEM", body.path("staffId").asText());
        assertEquals(flash.path("journalText").asText(), body.path("journalText").asText());
        assertTrue(body.path("receiptText").asText().contains("【 売 上 レ ポ ー ト ( 速報 ) 】"));

        // A store's daily category report asked for by a terminal: type 502, under the asking terminal.
        data(withApiKey(tenant, STORE, 1).queryParam("report_scope", "daily").queryParam("report_type", "category")
                .queryParam("business_date", ScriptedDay.DATE)
                .get("/api/v1/tenants/" + tenant + "/stores/" + STORE + "/reports").then());
        pushed = journals();
        assertEquals(before + 2, pushed.size());
        JsonNode daily = pushed.get(pushed.size() - 1).path("body");
        assertEquals(502, daily.path("transactionType").asInt());
        assertEquals(1, daily.path("terminalNo").asInt());
        assertTrue(daily.path("journalText").asText().contains("【分類別売上レポート( 日報 )】"));
    }

    @Test
    void aJournalThatIsDownDoesNotFailTheReport() {
        control("journal-down");
        try {
            int before = journals().size();
            JsonNode report = data(withApiKey(tenant, STORE, 1).queryParam("report_scope", "daily")
                    .queryParam("report_type", "sales").queryParam("business_date", ScriptedDay.DATE)
                    .get(terminalReports()).then());
            ScriptedDayTest.assertSalesOfTheDay(report);
            assertEquals(before, journals().size());
            given().get("/q/metrics").then().statusCode(200)
                    .body(containsString("kassa_report_journal_push_total{outcome=\"failed\""));
        } finally {
            control("journal-up");
        }
    }

    @Test
    void withoutMasterDataCategoriesAreNamedByTheirCodes() {
        String other = newTenant();
        ScriptedDay day = new ScriptedDay(other, STORE, 1);
        publish(List.of(day.event(day.trans.get(0))));
        awaitAcks(List.of(day.trans.get(0).eventId()), 1);
        String path = "/api/v1/tenants/" + other + "/stores/" + STORE + "/reports";
        control("masterdata-down");
        try {
            JsonNode r = data(asUser(other).queryParam("report_scope", "flash").queryParam("report_type", "category")
                    .queryParam("business_date", ScriptedDay.DATE).get(path).then());
            assertEquals("001", r.at("/categories/0/categoryName").asText());
            amount(r, "/totalNetAmount", "450"); // #1 alone: 200 + 300 - 20 - 30
        } finally {
            control("masterdata-up");
        }
        // Once master data answers again (and its breaker closed), the names are back.
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
            JsonNode r = data(asUser(other).queryParam("report_scope", "flash").queryParam("report_type", "item")
                    .queryParam("business_date", ScriptedDay.DATE).get(path).then());
            assertEquals("Fruit", r.at("/categories/0/categoryName").asText());
        });
    }
}
