package dev.kassa.terminal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kassa.common.event.Topics;
import dev.kassa.common.test.KassaInfra;
import dev.kassa.terminal.support.Doubles;
import dev.kassa.terminal.support.TerminalTestBase;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The terminal's business day as Kugel's flows run it, its counters over days, and its events. */
@QuarkusTest
@WithTestResource(value = KassaInfra.class, initArgs = @ResourceArg(name = "db", value = "terminal"),
        scope = TestResourceScope.GLOBAL)
@WithTestResource(value = Doubles.class, scope = TestResourceScope.GLOBAL)
class BusinessDayTest extends TerminalTestBase {
    /** 2025-06-02 10:00 in Tokyo, a Monday. */
    private static final Instant MONDAY_10_JST = Instant.parse("2025-06-02T01:00:00Z");

    /** kugel-flows.md steps 3-4 and 12-17 and the close of §7, the terminal on its own JWTs. */
    @Test
    void kugelFlowFromTenantToClose() {
        clock.set(MONDAY_10_JST);
        String tenantId = newTenantId();
        String terminalId = tenantId + "-5678-9";
        Doubles.staff(tenantId, "S001", "Staff1");

        // 3. Tenant, set up in every service.
        asUser(tenantId).body(Map.of("tenant_id", tenantId, "tenant_name", "Test Tenant", "tags", List.of("Test")))
                .post("/api/v1/tenants")
                .then().statusCode(201)
                .body("data.tenantId", equalTo(tenantId))
                .body("data.tenantName", equalTo("Test Tenant"))
                .body("data.tags", contains("Test"))
                .body("data.stores", empty())
                .body("data.entryDatetime", equalTo("2025-06-02T01:00:00Z"));
        // 4. Store: the answer is the whole tenant.
        asUser(tenantId).body(Map.of("store_code", "5678", "store_name", "テスト店舗", "tags", List.of("Test")))
                .post("/api/v1/tenants/{t}/stores", tenantId)
                .then().statusCode(201)
                .body("data.tenantId", equalTo(tenantId))
                .body("data.stores", hasSize(1))
                .body("data.stores[0].storeCode", equalTo("5678"))
                .body("data.stores[0].storeName", equalTo("テスト店舗"))
                .body("data.stores[0].status", equalTo("Idle"))
                .body("data.stores[0].businessDate", nullValue())
                .body("data.stores[0].tags", contains("Test"))
                .body("data.stores[0].entryDatetime", equalTo("2025-06-02T01:00:00Z"));

        // 12. Terminal with its API key.
        String apiKey = asUser(tenantId)
                .body(Map.of("store_code", "5678", "terminal_no", 9, "description", "Test Terminal"))
                .post("/api/v1/terminals")
                .then().statusCode(201)
                .body("data.terminalId", equalTo(terminalId))
                .body("data.functionMode", equalTo("MainMenu"))
                .body("data.status", equalTo("Idle"))
                .body("data.openCounter", equalTo(0))
                .body("data.businessCounter", equalTo(0))
                .extract().path("data.apiKey");
        assertEquals(43, apiKey.length());

        // 13. Terminal JWT for the key.
        String token = given().header("X-API-KEY", apiKey).queryParam("terminal_id", terminalId)
                .post("/api/v1/auth/token")
                .then().statusCode(200)
                .body("data.token_type", equalTo("bearer"))
                .body("data.expires_in", equalTo(86400))
                .extract().path("data.access_token");
        assertEquals("Idle", claims(token).path("status").asText());

        // 14. Function mode: not Sales before the open.
        asBearer(token).body(Map.of("function_mode", "Sales")).patch("/api/v1/terminals/{id}/function_mode", terminalId)
                .then().statusCode(400).body("userError.code", equalTo("406003"));
        asBearer(token).body(Map.of("function_mode", "OpenTerminal"))
                .patch("/api/v1/terminals/{id}/function_mode", terminalId)
                .then().statusCode(200).body("data.functionMode", equalTo("OpenTerminal"));

        // 15. Sign-in.
        ExtractableResponse<Response> signIn = asBearer(token).body(Map.of("staff_id", "S001"))
                .post("/api/v1/terminals/{id}/sign-in", terminalId)
                .then().statusCode(200)
                .body("data.staff.staffId", equalTo("S001"))
                .body("data.staff.staffName", equalTo("Staff1"))
                .body("data.status", equalTo("Idle"))
                .extract();
        token = newToken(signIn);
        JsonNode claims = claims(token);
        assertEquals("S001", claims.path("staff_id").asText());
        assertEquals("Staff1", claims.path("staff_name").asText());
        assertEquals("Idle", claims.path("status").asText());

        // 16. Open with the float.
        ExtractableResponse<Response> open = asBearer(token).body(Map.of("initial_amount", 500000))
                .post("/api/v1/terminals/{id}/open", terminalId)
                .then().statusCode(200)
                .body("operation", equalTo("terminal_open"))
                .body("message", equalTo("Terminal Opened. terminal_id: " + terminalId))
                .body("data.terminalId", equalTo(terminalId))
                .body("data.businessDate", equalTo("20250602"))
                .body("data.openCounter", equalTo(1))
                .body("data.businessCounter", equalTo(1))
                .body("data.initialAmount", equalTo(500000))
                .body("data.terminalInfo.status", equalTo("Opened"))
                .body("data.terminalInfo.initialAmount", equalTo(500000))
                .body("data.terminalInfo.apiKey", equalTo(apiKey.substring(0, 4) + "*".repeat(39)))
                .body("data.receiptText", notNullValue())
                .body("data.journalText", notNullValue())
                .extract();
        token = newToken(open);
        claims = claims(token);
        assertEquals("Opened", claims.path("status").asText());
        assertEquals("20250602", claims.path("business_date").asText());
        assertEquals(1, claims.path("open_counter").asInt());
        assertEquals(1, claims.path("business_counter").asInt());
        assertEquals("S001", claims.path("staff_id").asText());

        // 17. Sales mode.
        asBearer(token).body(Map.of("function_mode", "Sales")).patch("/api/v1/terminals/{id}/function_mode", terminalId)
                .then().statusCode(200).body("data.functionMode", equalTo("Sales"));

        // Cash drawer.
        asBearer(token).body(Map.of("amount", 100000, "description", "Cash In Test"))
                .post("/api/v1/terminals/{id}/cash-in", terminalId)
                .then().statusCode(200).body("data.amount", equalTo(100000))
                .body("data.description", equalTo("Cash In Test"));
        asBearer(token).body(Map.of("amount", 50000)).post("/api/v1/terminals/{id}/cash-out", terminalId)
                .then().statusCode(200).body("data.amount", equalTo(-50000))
                .body("data.description", equalTo("Cash Out (Default)"));

        // Day end: the cart made three transactions this session.
        Doubles.transactions(tenantId, "5678", 9, "20250602", 1, 3, 3);
        asBearer(token).body(Map.of("function_mode", "CloseTerminal"))
                .patch("/api/v1/terminals/{id}/function_mode", terminalId).then().statusCode(200);
        ExtractableResponse<Response> close = asBearer(token).body(Map.of("physical_amount", 1280000))
                .post("/api/v1/terminals/{id}/close", terminalId)
                .then().statusCode(200)
                .body("operation", equalTo("terminal_close"))
                .body("data.terminalId", equalTo(terminalId))
                .body("data.businessDate", equalTo("20250602"))
                .body("data.openCounter", equalTo(1))
                .body("data.businessCounter", equalTo(1))
                .body("data.initialAmount", equalTo(500000))
                .body("data.physicalAmount", equalTo(1280000))
                .body("data.terminalInfo.status", equalTo("Closed"))
                .body("data.terminalInfo.physicalAmount", equalTo(1280000))
                .extract();
        token = newToken(close);
        assertEquals("Closed", claims(token).path("status").asText());
        asBearer(token).post("/api/v1/terminals/{id}/close", terminalId).then().statusCode(400)
                .body("userError.code", equalTo("406003"));

        // The close asked the cart for exactly this session, with a service token.
        String query = Doubles.calls("cart", "/api/v1/tenants/" + tenantId + "/stores/5678/terminals/9/transactions")
                .get(0);
        for (String param : List.of("business_date=20250602", "open_counter=1", "include_cancelled=true",
                "limit=1")) {
            assertTrue(query.contains(param), query);
        }
        assertTrue(query.contains("sort=transaction_no:-1") || query.contains("sort=transaction_no%3A-1"), query);
        assertEquals("service:terminal", claims(query.split("\\| Bearer ")[1].split(" ")[0]).path("sub").asText());

        // 27. Sign-out: the next token has no staff.
        ExtractableResponse<Response> signOut = asBearer(token).post("/api/v1/terminals/{id}/sign-out", terminalId)
                .then().statusCode(200).body("data.staff", nullValue()).extract();
        claims = claims(newToken(signOut));
        assertFalse(claims.has("staff_id"));
        assertFalse(claims.has("staff_name"));
        assertEquals("Closed", claims.path("status").asText());
    }

    /** Open twice on one day, then on the next day in Tokyo (still the same day in UTC), then days later. */
    @Test
    void countersOverDays() {
        String tenantId = tenantWithStore("5678");
        String terminalId = tenantId + "-5678-1";
        String apiKey = (String) createTerminal(tenantId, "5678", 1).get("apiKey");

        clock.set(MONDAY_10_JST);
        openAndClose(apiKey, terminalId, "20250602", 1, 1);
        clock.set(Instant.parse("2025-06-02T06:00:00Z"));
        openAndClose(apiKey, terminalId, "20250602", 2, 2);
        // 2025-06-02T16:00Z is 01:00 on the 3rd in Tokyo: a new business date.
        clock.set(Instant.parse("2025-06-02T16:00:00Z"));
        openAndClose(apiKey, terminalId, "20250603", 1, 3);
        clock.set(Instant.parse("2025-06-05T00:30:00Z"));
        openAndClose(apiKey, terminalId, "20250605", 1, 4);
        clock.set(Instant.parse("2025-06-05T02:00:00Z"));
        openAndClose(apiKey, terminalId, "20250605", 2, 5);

        asUser(tenantId).get("/api/v1/terminals/{id}", terminalId).then()
                .body("data.businessDate", equalTo("20250605"))
                .body("data.openCounter", equalTo(2))
                .body("data.businessCounter", equalTo(5))
                .body("data.status", equalTo("Closed"));
    }

    /** Kugel's terminal app posts open and close with no body and no Content-Type: as for an empty JSON body. */
    @Test
    void openAndCloseWithNoBodyAndNoContentType() throws Exception {
        String tenantId = tenantWithStore("5678");
        String terminalId = tenantId + "-5678-1";
        String apiKey = (String) createTerminal(tenantId, "5678", 1).get("apiKey");
        clock.set(MONDAY_10_JST);
        HttpResponse<String> open = bare(apiKey, "/api/v1/terminals/" + terminalId + "/open");
        assertEquals(200, open.statusCode(), open.body());
        assertEquals("Opened", JSON.readTree(open.body()).path("data").path("terminalInfo").path("status").asText());
        HttpResponse<String> close = bare(apiKey, "/api/v1/terminals/" + terminalId + "/close");
        assertEquals(200, close.statusCode(), close.body());
        assertEquals("Closed", JSON.readTree(close.body()).path("data").path("terminalInfo").path("status").asText());
        HttpResponse<String> again = bare(apiKey, "/api/v1/terminals/" + terminalId + "/close");
        assertEquals(400, again.statusCode(), again.body());
        assertEquals("406003", JSON.readTree(again.body()).path("userError").path("code").asText());
    }

    /** A POST exactly as a bare HTTP client sends it: no Content-Type, Content-Length 0. */
    private static HttpResponse<String> bare(String apiKey, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + path))
                .header("X-API-KEY", apiKey).POST(HttpRequest.BodyPublishers.noBody()).build();
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        }
    }

    private void openAndClose(String apiKey, String terminalId, String date, int openCounter, int businessCounter) {
        ExtractableResponse<Response> open = withKey(apiKey).post("/api/v1/terminals/{id}/open", terminalId)
                .then().statusCode(200)
                .body("data.businessDate", equalTo(date))
                .body("data.openCounter", equalTo(openCounter))
                .body("data.businessCounter", equalTo(businessCounter))
                .extract();
        JsonNode claims = claims(newToken(open));
        assertEquals(date, claims.path("business_date").asText());
        assertEquals(openCounter, claims.path("open_counter").asInt());
        assertEquals(businessCounter, claims.path("business_counter").asInt());
        withKey(apiKey).post("/api/v1/terminals/{id}/close", terminalId).then().statusCode(200)
                .body("data.businessDate", equalTo(date))
                .body("data.openCounter", equalTo(openCounter))
                .body("data.businessCounter", equalTo(businessCounter));
    }

    /** The exact records on pos.cashlog and pos.opencloselog after open, cash in, cash out and close. */
    @Test
    void eventsOnKafkaAreTheContractRecords() {
        String tenantId = tenantWithStore("5678");
        String terminalId = tenantId + "-5678-1";
        String apiKey = (String) createTerminal(tenantId, "5678", 1).get("apiKey");
        String maskedKey = apiKey.substring(0, 4) + "*".repeat(39);
        Doubles.staff(tenantId, "S001", "Staff1");
        Doubles.transactions(tenantId, "5678", 1, "20250602", 1, 2, 7);
        withKey(apiKey).body(Map.of("staff_id", "S001")).post("/api/v1/terminals/{id}/sign-in", terminalId)
                .then().statusCode(200);

        clock.set(MONDAY_10_JST);
        String openText = withKey(apiKey).body(Map.of("initial_amount", 500000))
                .post("/api/v1/terminals/{id}/open", terminalId).then().statusCode(200)
                .extract().path("data.receiptText");
        clock.set(MONDAY_10_JST.plusSeconds(300));
        String cashInText = withKey(apiKey).body(Map.of("amount", 100000, "description", "Cash In Test"))
                .post("/api/v1/terminals/{id}/cash-in", terminalId).then().statusCode(200)
                .extract().path("data.receiptText");
        clock.set(MONDAY_10_JST.plusSeconds(600).plusMillis(250));
        String cashOutText = withKey(apiKey).body(Map.of("amount", 50000))
                .post("/api/v1/terminals/{id}/cash-out", terminalId).then().statusCode(200)
                .extract().path("data.receiptText");
        clock.set(MONDAY_10_JST.plusSeconds(1200));
        String closeText = withKey(apiKey).body(Map.of("physical_amount", 1280000))
                .post("/api/v1/terminals/{id}/close", terminalId).then().statusCode(200)
                .extract().path("data.receiptText");

        String key = Topics.terminalKey(tenantId, "5678", 1);
        assertEquals(terminalId, key);
        List<JsonNode> cash = records(Topics.CASHLOG, key, 3);
        List<JsonNode> openClose = records(Topics.OPENCLOSELOG, key, 2);
        assertEquals(3, cash.size());
        assertEquals(2, openClose.size());

        // Every event id is one the delivery-status records know.
        Set<String> known = asUser(tenantId).get("/api/v1/terminals/{id}/delivery-status", terminalId)
                .then().extract().jsonPath().getList("data.eventId", String.class).stream().collect(Collectors.toSet());
        cash.forEach(r -> assertTrue(known.contains(r.path("event_id").asText())));
        openClose.forEach(r -> assertTrue(known.contains(r.path("event_id").asText())));

        assertEquals(expectedCash(tenantId, "2025-06-02T10:00:00.000+09:00", 500000, "Initial amount",
                initialAmountReceipt()), withoutEventId(cash.get(0)));
        assertEquals(expectedCash(tenantId, "2025-06-02T10:05:00.000+09:00", 100000, "Cash In Test", cashInText),
                withoutEventId(cash.get(1)));
        assertEquals(expectedCash(tenantId, "2025-06-02T10:10:00.250+09:00", -50000, "Cash Out (Default)",
                cashOutText), withoutEventId(cash.get(2)));

        Map<String, Object> openInfo = terminalInfo(tenantId, "Opened", 500000, null, maskedKey);
        assertEquals(expectedOpenClose(tenantId, "open", "2025-06-02T10:00:00.000+09:00", openInfo,
                null, null, null, null, openText), withoutEventId(openClose.get(0)));
        Map<String, Object> closeInfo = terminalInfo(tenantId, "Closed", 500000, 1280000, maskedKey);
        assertEquals(expectedOpenClose(tenantId, "close", "2025-06-02T10:20:00.000+09:00", closeInfo,
                2, 7, 3, "2025-06-02T10:10:00.250+09:00", closeText), withoutEventId(openClose.get(1)));
    }

    /**
     * A cash in tied to a customer repays store credit: checked with master data first (unknown 404, more
     * than owed 400, master data down 503 while plain cash still goes in), then logged and published with
     * the customer and the repayment id, once per repayment id; a cash out names no customer.
     */
    @Test
    void creditRepaymentAtTheTill() {
        String tenantId = tenantWithStore("5678");
        String terminalId = tenantId + "-5678-2";
        String apiKey = (String) createTerminal(tenantId, "5678", 2).get("apiKey");
        Doubles.staff(tenantId, "S001", "Staff1");
        Doubles.customer(tenantId, "C1", 3000);
        withKey(apiKey).body(Map.of("staff_id", "S001")).post("/api/v1/terminals/{id}/sign-in", terminalId)
                .then().statusCode(200);
        clock.set(MONDAY_10_JST);
        withKey(apiKey).post("/api/v1/terminals/{id}/open", terminalId).then().statusCode(200);

        String text = withKey(apiKey).body(Map.of("amount", 1000, "customer_code", "C1", "repayment_id", "R-1"))
                .post("/api/v1/terminals/{id}/cash-in", terminalId).then().statusCode(200)
                .body("data.amount", equalTo(1000))
                .body("data.description", equalTo("Credit repayment C1"))
                .body("data.customerCode", equalTo("C1"))
                .body("data.repaymentId", equalTo("R-1"))
                .extract().path("data.receiptText");
        assertTrue(text.contains("顧客") && text.contains("C1") && text.contains("1,000円"), text);
        // the till lost the answer and retries without an Idempotency-Key: the first cash in answers, no new one
        withKey(apiKey).body(Map.of("amount", 1000, "customer_code", "C1", "repayment_id", "R-1"))
                .post("/api/v1/terminals/{id}/cash-in", terminalId).then().statusCode(200)
                .body("data.repaymentId", equalTo("R-1")).body("data.receiptText", equalTo(text));
        withKey(apiKey).body(Map.of("amount", 999, "customer_code", "C1", "repayment_id", "R-1"))
                .post("/api/v1/terminals/{id}/cash-in", terminalId).then().statusCode(422)
                .body("userError.code", equalTo("300001"))
                .body("message", containsString("repayment_id R-1 was taken by another repayment"));
        String second = withKey(apiKey).body(Map.of("amount", 500, "customerCode", "C1", "description", "Paid off"))
                .post("/api/v1/terminals/{id}/cash-in", terminalId).then().statusCode(200)
                .body("data.description", equalTo("Paid off"))
                .extract().path("data.repaymentId");

        withKey(apiKey).body(Map.of("amount", 100, "customer_code", "NOPE"))
                .post("/api/v1/terminals/{id}/cash-in", terminalId).then().statusCode(404)
                .body("success", equalTo(false)).body("userError.code", equalTo("406020"));
        withKey(apiKey).body(Map.of("amount", 3001, "customer_code", "C1"))
                .post("/api/v1/terminals/{id}/cash-in", terminalId).then().statusCode(400)
                .body("userError.code", equalTo("406021"))
                .body("message", containsString("more than the 3000 customer C1 owes"));
        withKey(apiKey).body(Map.of("amount", 100, "customer_code", "C1"))
                .post("/api/v1/terminals/{id}/cash-out", terminalId).then().statusCode(400)
                .body("userError.code", equalTo("406022"));
        withKey(apiKey).body(Map.of("amount", 100, "repayment_id", "R-9"))
                .post("/api/v1/terminals/{id}/cash-in", terminalId).then().statusCode(422)
                .body("userError.code", equalTo("300001"));

        Doubles.stop("masterdata");
        try {
            withKey(apiKey).body(Map.of("amount", 100, "customer_code", "C1"))
                    .post("/api/v1/terminals/{id}/cash-in", terminalId).then().statusCode(503)
                    .body("userError.code", equalTo("407202"))
                    .body("message", containsString("take the cash without a customer"));
            withKey(apiKey).body(Map.of("amount", 700)).post("/api/v1/terminals/{id}/cash-in", terminalId)
                    .then().statusCode(200)
                    .body("data.description", equalTo("Cash In (Default)"))
                    .body("data.customerCode", nullValue());
        } finally {
            Doubles.start("masterdata");
        }

        // Only the three accepted cash ins were published, the repayments with customer and repayment id.
        List<JsonNode> cash = records(Topics.CASHLOG, Topics.terminalKey(tenantId, "5678", 2), 3);
        assertEquals(3, cash.size());
        assertEquals("C1", cash.get(0).path("customer_code").asText());
        assertEquals("R-1", cash.get(0).path("repayment_id").asText());
        assertEquals(1000, cash.get(0).path("amount").asInt());
        assertEquals(text, cash.get(0).path("journal_text").asText());
        assertEquals("C1", cash.get(1).path("customer_code").asText());
        assertEquals(cash.get(1).path("event_id").asText(), second, "no repayment id given: the event's id");
        assertEquals(500, cash.get(1).path("amount").asInt());
        assertFalse(cash.get(2).has("customer_code"), cash.get(2).toString());
        assertFalse(cash.get(2).has("repayment_id"), cash.get(2).toString());
        assertEquals(700, cash.get(2).path("amount").asInt());
    }

    private static JsonNode withoutEventId(JsonNode record) {
        assertTrue(record.path("event_id").asText().matches("[0-9a-f-]{36}"), record.toString());
        ((com.fasterxml.jackson.databind.node.ObjectNode) record).remove("event_id");
        return record;
    }

    private static JsonNode expectedCash(String tenantId, String at, int amount, String description, String text) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("event_type", "cash_in_out");
        m.put("tenant_id", tenantId);
        m.put("store_code", "5678");
        m.put("store_name", "テスト店舗");
        m.put("terminal_no", 1);
        m.put("staff_id", "S001");
        m.put("staff_name", "Staff1");
        m.put("business_date", "20250602");
        m.put("open_counter", 1);
        m.put("business_counter", 1);
        m.put("generate_date_time", at);
        m.put("amount", amount);
        m.put("description", description);
        m.put("receipt_text", text);
        m.put("journal_text", text);
        return JSON.valueToTree(m);
    }

    private static Map<String, Object> terminalInfo(String tenantId, String status, Integer initial, Integer physical,
                                                    String maskedKey) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("terminal_id", tenantId + "-5678-1");
        m.put("tenant_id", tenantId);
        m.put("store_code", "5678");
        m.put("terminal_no", 1);
        m.put("description", "Test Terminal");
        m.put("function_mode", "MainMenu");
        m.put("status", status);
        m.put("business_date", "20250602");
        m.put("open_counter", 1);
        m.put("business_counter", 1);
        m.put("initial_amount", initial);
        m.put("physical_amount", physical);
        m.put("api_key", maskedKey);
        return m;
    }

    private static JsonNode expectedOpenClose(String tenantId, String operation, String at, Map<String, Object> info,
                                              Integer txCount, Integer txLast, Integer cashCount, String cashLast,
                                              String text) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("event_type", operation);
        m.put("tenant_id", tenantId);
        m.put("store_code", "5678");
        m.put("store_name", "テスト店舗");
        m.put("terminal_no", 1);
        m.put("staff_id", "S001");
        m.put("staff_name", "Staff1");
        m.put("business_date", "20250602");
        m.put("open_counter", 1);
        m.put("business_counter", 1);
        m.put("generate_date_time", at);
        m.put("operation", operation);
        m.put("terminal_info", info);
        m.put("cart_transaction_count", txCount);
        m.put("cart_transaction_last_no", txLast);
        m.put("cash_in_out_count", cashCount);
        m.put("cash_in_out_last_datetime", cashLast);
        m.put("receipt_text", text);
        m.put("journal_text", text);
        return JSON.valueToTree(m);
    }

    /** The opening float's cash receipt, 32 columns, a full-width character taking two. */
    private static String initialAmountReceipt() {
        return String.join("\n",
                "店舗名 テスト店舗" + " ".repeat(15),
                "レジNo. 1" + " ".repeat(12) + " 責# 00S001",
                "2025年06月02日(月) 10:00" + " ".repeat(8),
                " ".repeat(32),
                " ".repeat(4) + "【 入 金  レ ポ ー ト 】" + " ".repeat(4),
                " ".repeat(32),
                "営業日付 2025年06月02日(月)" + " ".repeat(5),
                "開設回数 1回" + " ".repeat(20),
                "-".repeat(32),
                "Initial amount" + " ".repeat(8) + " 500,000円",
                "-".repeat(32),
                "レシートNo. ------" + " ".repeat(14)) + "\n";
    }
}
