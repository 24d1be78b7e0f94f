package dev.kassa.journal;

import dev.kassa.common.test.FakeTerminalService;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kassa.common.event.Topics;
import dev.kassa.common.test.KafkaProbe;
import dev.kassa.common.test.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Report text pushed to the journal and tranlogs posted over HTTP. */
@QuarkusTest
class IngestTest extends JournalTestBase {
    static String tenant;
    static String other;

    @BeforeEach
    void tenants() {
        if (tenant == null) {
            tenant = newTenant();
            other = newTenant();
        }
    }

    private static Map<String, Object> report(int type, String text) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("transactionType", type);
        body.put("businessDate", "20260201");
        body.put("openCounter", 1);
        body.put("businessCounter", 3);
        body.put("generateDateTime", "2026-02-01T18:00:00+09:00");
        body.put("journalText", text);
        body.put("receiptText", text + " receipt");
        body.put("staffId", "SYSTEM");
        return body;
    }

    private static String pushes(String t, String store, int n) {
        return terminalPath(t, store, n) + "/journals";
    }

    private static String transactions(String t, String store, int n) {
        return terminalPath(t, store, n) + "/transactions";
    }

    @Test
    void reportPushesAreStoredOncePerClientKey() {
        String store = "R1";
        as(tenant).header("Idempotency-Key", "daily-20260201").body(report(502, "DAILY 0201"))
                .post(pushes(tenant, store, 4)).then().statusCode(201).body("success", equalTo(true))
                .body("operation", equalTo("receive_journals"))
                .body("data.tenantId", equalTo(tenant)).body("data.storeCode", equalTo(store))
                .body("data.terminalNo", equalTo(4)).body("data.transactionType", equalTo(502))
                .body("data.businessCounter", equalTo(3)).body("data.journalText", equalTo("DAILY 0201"))
                .body("data.receiptText", equalTo("DAILY 0201 receipt")).body("data.staffId", equalTo("SYSTEM"))
                .body("data.generateDateTime", equalTo("2026-02-01T18:00:00+09:00"))
                .body("data.amount", equalTo(0)).body("data.journalSeqNo", equalTo(-1));
        // The same key again (even with other text): the first entry stands.
        as(tenant).header("Idempotency-Key", "daily-20260201").body(report(502, "DAILY again"))
                .post(pushes(tenant, store, 4)).then().statusCode(201).body("data.journalText", equalTo("DAILY 0201"));
        // The key may come in the body, snake_case.
        Map<String, Object> flash = report(501, "FLASH 0201");
        flash.put("event_id", "flash-1");
        as(tenant).body(flash).post(pushes(tenant, store, 4)).then().statusCode(201);
        as(tenant).body(flash).post(pushes(tenant, store, 4)).then().statusCode(201);
        // Without a key every push is an entry.
        as(tenant).body(report(501, "FLASH no key")).post(pushes(tenant, store, 4)).then().statusCode(201);
        as(tenant).body(report(501, "FLASH no key")).post(pushes(tenant, store, 4)).then().statusCode(201);
        search(tenant, store, Map.of()).statusCode(200).body("metadata.total", equalTo(4));
        search(tenant, store, Map.of("transaction_types", "501")).body("metadata.total", equalTo(3));
        // The same key on another terminal is another push.
        as(tenant).header("Idempotency-Key", "daily-20260201").body(report(502, "DAILY t5"))
                .post(pushes(tenant, store, 5)).then().statusCode(201).body("data.journalText", equalTo("DAILY t5"));
    }

    @Test
    void reportPushesAreChecked() {
        String path = pushes(tenant, "R2", 1);
        as(tenant).body(report(101, "not a report")).post(path).then().statusCode(422)
                .body("userError.code", equalTo("300001"));
        Map<String, Object> missing = report(501, "x");
        missing.remove("journalText");
        as(tenant).body(missing).post(path).then().statusCode(422).body("userError.code", equalTo("300001"));
        Map<String, Object> badDate = report(501, "x");
        badDate.put("businessDate", "2026-02-01");
        as(tenant).body(badDate).post(path).then().statusCode(422);
        Map<String, Object> badTime = report(501, "x");
        badTime.put("generateDateTime", "tonight");
        as(tenant).body(badTime).post(path).then().statusCode(422);
        Map<String, Object> otherStore = report(501, "x");
        otherStore.put("storeCode", "ELSEWHERE");
        as(tenant).body(otherStore).post(path).then().statusCode(422);
        Map<String, Object> otherTerminal = report(501, "x");
        otherTerminal.put("terminal_no", 2);
        as(tenant).body(otherTerminal).post(path).then().statusCode(422);
        as(tenant).post(path).then().statusCode(422);
        as(tenant).body("[1,2]").post(path).then().statusCode(422);
        as(tenant).body(report(501, "x")).post(TENANTS + "/" + tenant + "/stores/R2/terminals/abc/journals").then().statusCode(422);
        // Past the bounds of Limits: overlong codes and names, huge amounts, NUL bytes, control characters in the path.
        for (Map.Entry<String, Object> bad : Map.<String, Object>of("staffId", "S".repeat(65), "userId", "u".repeat(100_000),
                "amount", new java.math.BigDecimal("1e10000"), "content", "c".repeat(1_000_001), "journalText", "j\u0000",
                "storeCode", "R\u00002").entrySet()) {
            Map<String, Object> body = report(501, "x");
            body.put(bad.getKey(), bad.getValue());
            as(tenant).body(body).post(path).then().statusCode(422).body("userError.code", equalTo("300001"))
                    .body("message.length()", lessThan(1_000));
        }
        as(tenant).urlEncodingEnabled(false).body(report(501, "x"))
                .post(TENANTS + "/" + tenant + "/stores/R%002/terminals/1/journals").then().statusCode(422)
                .body("userError.code", equalTo("300001"));
        search(tenant, "R2", Map.of()).body("metadata.total", equalTo(0));
        search(tenant, "R2", Map.of("page", Integer.MAX_VALUE, "limit", 1000)).statusCode(422)
                .body("userError.code", equalTo("300001"));
    }

    @Test
    void whoMayPush() {
        String path = pushes(tenant, "R3", 1);
        given().contentType(ContentType.JSON).body(report(501, "x")).post(path).then().statusCode(401)
                .body("userError.code", equalTo("200001"));
        // A terminal pushes for itself (JWT or API key), not for another terminal.
        given().contentType(ContentType.JSON).auth().oauth2(TestTokens.terminal(tenant, "R3", 1, Map.of()))
                .body(report(501, "by JWT")).post(path).then().statusCode(201);
        String terminal = tenant + "-R3-1";
        given().contentType(ContentType.JSON).header("X-API-KEY", FakeTerminalService.keyOf(terminal))
                .queryParam("terminal_id", terminal).body(report(501, "by key")).post(path).then().statusCode(201);
        given().contentType(ContentType.JSON).auth().oauth2(TestTokens.terminal(tenant, "R3", 2, Map.of()))
                .body(report(501, "x")).post(path).then().statusCode(403).body("userError.code", equalTo("200002"));
        given().contentType(ContentType.JSON).auth().oauth2(TestTokens.terminal(tenant, "R9", 1, Map.of()))
                .body(report(501, "x")).post(path).then().statusCode(403);
        given().contentType(ContentType.JSON).auth().oauth2(TestTokens.service("report", tenant))
                .body(report(502, "by service")).post(path).then().statusCode(201);
        // Nobody writes into another tenant's journal.
        as(other).body(report(501, "intruder")).post(path).then().statusCode(400)
                .body("userError.code", equalTo("200003"));
        given().contentType(ContentType.JSON).auth().oauth2(TestTokens.service("report", other))
                .body(report(501, "intruder")).post(path).then().statusCode(400);
        String ghost = "Jghost" + System.nanoTime() % 100000;
        given().contentType(ContentType.JSON).auth().oauth2(TestTokens.user(ghost, "admin", false))
                .body(report(501, "x")).post(pushes(ghost, "R3", 1)).then().statusCode(404)
                .body("userError.code", equalTo("100001"));
        assertEquals(List.of("by JWT", "by key", "by service"), search(tenant, "R3", Map.of()).extract().jsonPath()
                .getList("data.journalText").stream().sorted().toList());
    }

    private static ObjectNode postedTranlog(String eventId, String store, int terminalNo, long transactionNo,
                                            boolean cancelled) {
        ObjectNode tran = JSON.valueToTree(tranlog(eventId, tenant, store, terminalNo, transactionNo, 101, cancelled,
                "20260202", "2026-02-02T10:00:00+09:00", 900 + transactionNo, "550", 5, "POSTED " + transactionNo));
        return tran;
    }

    @Test
    void aPostedTranlogHasTheEffectOfTheEvent() {
        String store = "P1";
        String eventId = newId();
        ObjectNode tran = postedTranlog(eventId, store, 1, 1, false);
        for (int i = 0; i < 2; i++) {
            as(tenant).body(tran.toString()).post(transactions(tenant, store, 1)).then().statusCode(201)
                    .body("success", equalTo(true)).body("operation", equalTo("receive_transactions"))
                    .body("data.tenantId", equalTo(tenant)).body("data.storeCode", equalTo(store))
                    .body("data.terminalNo", equalTo(1)).body("data.transactionNo", equalTo(1));
        }
        // The same tranlog as an event later: still one entry.
        KafkaProbe.send(Topics.TRANLOG, Topics.terminalKey(tenant, store, 1), tran.toString());
        ObjectNode marker = postedTranlog(newId(), store, 1, 2, true);
        KafkaProbe.send(Topics.TRANLOG, Topics.terminalKey(tenant, store, 1), marker.toString());
        awaitTotal(tenant, store, 2);
        search(tenant, store, Map.of("sort", "transaction_no:1")).body("data[0].transactionType", equalTo(101))
                .body("data[0].amount", equalTo(550)).body("data[0].quantity", equalTo(5))
                .body("data[0].receiptNo", equalTo(901)).body("data[0].journalText", equalTo("POSTED 1"))
                .body("data[1].transactionType", equalTo(-101));
        // The publisher hears of the posted tranlog too.
        assertEquals("received", KafkaProbe.jsonWhere(Topics.DELIVERY_ACK_CART, "event_id", eventId, 1,
                Duration.ofSeconds(20)).get(0).path("status").asText());
    }

    @Test
    void aTranlogWithoutEventIdIsKeyedByItsTransaction() {
        String store = "P2";
        ObjectNode tran = postedTranlog(null, store, 3, 44, false);
        tran.remove("event_id");
        tran.remove("tenant_id");
        tran.remove("store_code");
        for (int i = 0; i < 2; i++) {
            as(tenant).body(tran.toString()).post(transactions(tenant, store, 3)).then().statusCode(201)
                    .body("data.transactionNo", equalTo(44));
        }
        search(tenant, store, Map.of()).body("metadata.total", equalTo(1)).body("data[0].terminalNo", equalTo(3))
                .body("data[0].storeCode", equalTo(store));
    }

    @Test
    void postedTranlogsAreChecked() {
        String store = "P3";
        String path = transactions(tenant, store, 1);
        ObjectNode wrongType = postedTranlog(newId(), store, 1, 1, false);
        wrongType.put("transaction_type", 999);
        as(tenant).body(wrongType.toString()).post(path).then().statusCode(422).body("userError.code", equalTo("300001"));
        ObjectNode noNumber = postedTranlog(newId(), store, 1, 1, false);
        noNumber.remove("transaction_no");
        as(tenant).body(noNumber.toString()).post(path).then().statusCode(422);
        ObjectNode otherTerminal = postedTranlog(newId(), store, 2, 1, false);
        as(tenant).body(otherTerminal.toString()).post(path).then().statusCode(422);
        ObjectNode otherTenant = postedTranlog(newId(), store, 1, 1, false);
        otherTenant.put("tenant_id", other);
        as(tenant).body(otherTenant.toString()).post(path).then().statusCode(422);
        ObjectNode badDate = postedTranlog(newId(), store, 1, 1, false);
        badDate.put("generate_date_time", "soon");
        as(tenant).body(badDate.toString()).post(path).then().statusCode(422);
        ObjectNode badShape = postedTranlog(newId(), store, 1, 1, false);
        badShape.put("sales", "lots");
        as(tenant).body(badShape.toString()).post(path).then().statusCode(422);
        as(tenant).body("\"text\"").post(path).then().statusCode(422);
        as(tenant).post(path).then().statusCode(422);
        as(tenant).body("{oops").post(path).then().statusCode(422).body("data", nullValue());
        // Strangers.
        given().contentType(ContentType.JSON).body(postedTranlog(newId(), store, 1, 1, false).toString())
                .post(path).then().statusCode(401);
        as(other).body(postedTranlog(newId(), store, 1, 1, false).toString()).post(path).then().statusCode(400)
                .body("userError.code", equalTo("200003"));
        given().contentType(ContentType.JSON).auth().oauth2(TestTokens.terminal(tenant, store, 2, Map.of()))
                .body(postedTranlog(newId(), store, 1, 1, false).toString()).post(path).then().statusCode(403);
        search(tenant, store, Map.of()).body("metadata.total", equalTo(0));
    }
}
