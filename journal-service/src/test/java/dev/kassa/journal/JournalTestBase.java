package dev.kassa.journal;

import dev.kassa.common.test.FakeTerminalService;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kassa.common.event.CashLog;
import dev.kassa.common.event.OpenCloseLog;
import dev.kassa.common.event.TranLog;
import dev.kassa.common.event.Topics;
import dev.kassa.common.test.KafkaProbe;
import dev.kassa.common.test.KassaInfra;
import dev.kassa.common.test.TestTokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/** Shared set-up of the journal tests: tenants, tokens, logs as the publishers send them. */
@WithTestResource(value = KassaInfra.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = FakeTerminalService.class, scope = TestResourceScope.GLOBAL)
abstract class JournalTestBase {
    static final ObjectMapper JSON = new ObjectMapper();
    static final String TENANTS = "/api/v1/tenants";

    /** A tenant id no other test uses, set up in the journal. */
    static String newTenant() {
        String tenant = "J" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        given().contentType(ContentType.JSON).auth().oauth2(TestTokens.user(tenant, "admin", true))
                .body(Map.of("tenant_id", tenant)).post(TENANTS).then().statusCode(201);
        return tenant;
    }

    static RequestSpecification as(String tenant) {
        return given().contentType(ContentType.JSON).auth().oauth2(TestTokens.user(tenant, "admin", false));
    }

    static String journals(String tenant, String store) {
        return TENANTS + "/" + tenant + "/stores/" + store + "/journals";
    }

    static String terminalPath(String tenant, String store, int terminalNo) {
        return TENANTS + "/" + tenant + "/stores/" + store + "/terminals/" + terminalNo;
    }

    static ValidatableResponse search(String tenant, String store, Map<String, ?> params) {
        return as(tenant).queryParams(params).get(journals(tenant, store)).then();
    }

    /** Waits until the store's journal holds {@code count} entries. */
    static void awaitTotal(String tenant, String store, int count) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).untilAsserted(() ->
                search(tenant, store, Map.of()).statusCode(200).body("metadata.total", equalTo(count)));
    }

    static String json(Object record) {
        try {
            return JSON.writeValueAsString(record);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static void send(String topic, String tenant, String store, int terminalNo, Object record) {
        KafkaProbe.send(topic, Topics.terminalKey(tenant, store, terminalNo), json(record));
    }

    static String newId() {
        return UUID.randomUUID().toString();
    }

    /** A tranlog as the cart publishes it. */
    static TranLog tranlog(String eventId, String tenant, String store, int terminalNo, long transactionNo, int type,
                           boolean cancelled, String businessDate, String generated, long receiptNo,
                           String amountWithTax, int quantity, String journalText) {
        BigDecimal total = new BigDecimal(amountWithTax);
        TranLog.Sales sales = new TranLog.Sales(total, total, BigDecimal.ZERO, quantity, BigDecimal.ZERO,
                BigDecimal.ZERO, cancelled, false, BigDecimal.ZERO, BigDecimal.ZERO);
        return new TranLog(eventId, TranLog.EVENT_TYPE, tenant, store, "Store " + store, terminalNo, transactionNo,
                type, businessDate, 1, 1, generated, receiptNo, new TranLog.Person("99", "John Doe"),
                new TranLog.Person("S001", "Staff1"), sales, List.of(), List.of(), List.of(), List.of(), null,
                "receipt " + transactionNo, journalText, Map.of());
    }

    static CashLog cashLog(String eventId, String tenant, String store, int terminalNo, String amount,
                           String businessDate, String generated, String journalText) {
        return new CashLog(eventId, CashLog.EVENT_TYPE, tenant, store, "Store " + store, terminalNo, "S001", "Staff1",
                businessDate, 1, 1, generated, new BigDecimal(amount), "cash", "cash receipt", journalText);
    }

    static OpenCloseLog openCloseLog(String eventId, String tenant, String store, int terminalNo, String operation,
                                     String businessDate, String generated, String journalText) {
        return new OpenCloseLog(eventId, operation, tenant, store, "Store " + store, terminalNo, "S001", "Staff1",
                businessDate, 1, 1, generated, operation, null, operation.equals("close") ? 3 : null,
                operation.equals("close") ? 3L : null, operation.equals("close") ? 2 : null, null,
                operation + " receipt", journalText);
    }
}
