package dev.kassa.journal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kassa.common.event.CashLog;
import dev.kassa.common.event.Topics;
import dev.kassa.common.test.KafkaProbe;
import io.quarkus.mongodb.reactive.ReactiveMongoClient;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.bson.Document;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The three logs become journal entries once, however often they arrive; poison goes to the DLQ. */
@QuarkusTest
class LogConsumerTest extends JournalTestBase {

    @Inject
    ReactiveMongoClient mongo;

    private long rawCount(String tenant, String collection, String eventId) {
        return mongo.getDatabase("journal_" + tenant).getCollection(collection)
                .countDocuments(new Document("_id", eventId)).await().atMost(Duration.ofSeconds(10));
    }

    @Test
    void eachLogBecomesItsJournalEntry() {
        String tenant = newTenant();
        String sale = newId();
        String cancelled = newId();
        String ret = newId();
        String voidSale = newId();
        String voidReturn = newId();
        String cashIn = newId();
        String cashOut = newId();
        String open = newId();
        String close = newId();
        send(Topics.OPENCLOSELOG, tenant, "S1", 1,
                openCloseLog(open, tenant, "S1", 1, "open", "20260110", "2026-01-10T08:00:00+09:00", "OPEN"));
        send(Topics.CASHLOG, tenant, "S1", 1,
                cashLog(cashIn, tenant, "S1", 1, "100000.50", "20260110", "2026-01-10T08:01:00+09:00", "CASH IN"));
        send(Topics.CASHLOG, tenant, "S1", 1,
                cashLog(cashOut, tenant, "S1", 1, "-5000", "20260110", "2026-01-10T08:02:00+09:00", "CASH OUT"));
        send(Topics.TRANLOG, tenant, "S1", 1, tranlog(sale, tenant, "S1", 1, 1, 101, false, "20260110",
                "2026-01-10T09:00:00+09:00", 111111, "220", 2, "SALE 49-01"));
        send(Topics.TRANLOG, tenant, "S1", 1, tranlog(cancelled, tenant, "S1", 1, 2, 101, true, "20260110",
                "2026-01-10T09:05:00+09:00", 111112, "110", 1, "CANCELLED"));
        send(Topics.TRANLOG, tenant, "S1", 1, tranlog(ret, tenant, "S1", 1, 3, 102, false, "20260110",
                "2026-01-10T09:10:00+09:00", 111113, "220", 2, "RETURN"));
        send(Topics.TRANLOG, tenant, "S1", 1, tranlog(voidSale, tenant, "S1", 1, 4, 201, false, "20260110",
                "2026-01-10T09:15:00+09:00", 111114, "330", 3, "VOID SALE"));
        send(Topics.TRANLOG, tenant, "S1", 1, tranlog(voidReturn, tenant, "S1", 1, 5, 202, false, "20260110",
                "2026-01-10T09:20:00+09:00", 111115, "220", 2, "VOID RETURN"));
        send(Topics.OPENCLOSELOG, tenant, "S1", 1,
                openCloseLog(close, tenant, "S1", 1, "close", "20260110", "2026-01-10T20:00:00+09:00", "CLOSE"));
        awaitTotal(tenant, "S1", 9);

        JsonPath page = search(tenant, "S1", Map.of("sort", "generate_date_time:1")).statusCode(200)
                .body("success", equalTo(true)).body("code", equalTo(200)).extract().jsonPath();
        assertEquals(List.of(301, 401, 402, 101, -101, 102, 201, 202, 302), page.getList("data.transactionType"));
        assertEquals(List.of("OPEN", "CASH IN", "CASH OUT", "SALE 49-01", "CANCELLED", "RETURN", "VOID SALE",
                "VOID RETURN", "CLOSE"), page.getList("data.journalText"));

        Map<String, Object> saleEntry = page.getMap("data[3]");
        assertEquals(tenant, saleEntry.get("tenantId"));
        assertEquals("S1", saleEntry.get("storeCode"));
        assertEquals(1, saleEntry.get("terminalNo"));
        assertEquals(-1, saleEntry.get("journalSeqNo"));
        assertEquals(1, saleEntry.get("transactionNo"));
        assertEquals("20260110", saleEntry.get("businessDate"));
        assertEquals(1, saleEntry.get("openCounter"));
        assertEquals(1, saleEntry.get("businessCounter"));
        assertEquals("2026-01-10T09:00:00+09:00", saleEntry.get("generateDateTime"));
        assertEquals(111111, saleEntry.get("receiptNo"));
        assertEquals(220, saleEntry.get("amount"));
        assertEquals(2, saleEntry.get("quantity"));
        assertEquals("S001", saleEntry.get("staffId"));
        assertEquals("99", saleEntry.get("userId"));
        assertEquals("receipt 1", saleEntry.get("receiptText"));

        // Cash: the amount as sent, to the cent; no transaction or receipt number.
        BigDecimal exact = search(tenant, "S1", Map.of("transaction_types", "401")).extract()
                .jsonPath(JsonPathConfig.jsonPathConfig().numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL))
                .get("data[0].amount");
        assertEquals(0, new BigDecimal("100000.50").compareTo(exact), exact.toPlainString());
        assertEquals(-5000, page.getInt("data[2].amount"));
        assertNull(page.get("data[1].transactionNo"));
        assertNull(page.get("data[1].receiptNo"));
        assertEquals("S001", page.getString("data[8].staffId"));

        // The raw logs are kept too, one per event.
        assertEquals(1, rawCount(tenant, "log_tran", sale));
        assertEquals(1, rawCount(tenant, "log_cash_in_out", cashIn));
        assertEquals(1, rawCount(tenant, "log_open_close", close));
    }

    /**
     * Credit repayments are cash logs with a customer: one taken at till 2, one in the back office (terminal
     * 0, published by master data). Both are journalled as cash ins and found by terminal and by customer.
     */
    @Test
    void creditRepaymentsFromTillAndBackOfficeAreJournalled() {
        String tenant = newTenant();
        String till = newId();
        String backOffice = newId();
        send(Topics.CASHLOG, tenant, "S1", 2, new CashLog(till, CashLog.EVENT_TYPE, tenant, "S1", "Store S1", 2,
                "S001", "Staff1", "20260115", 1, 1, "2026-01-15T10:00:00.000+09:00", new BigDecimal("200"),
                "Credit repayment RAVI", "till receipt", "REPAYMENT RAVI AT TILL", "RAVI", "T-1"));
        send(Topics.CASHLOG, tenant, "S1", CashLog.BACK_OFFICE, new CashLog(backOffice, CashLog.EVENT_TYPE, tenant,
                "S1", null, CashLog.BACK_OFFICE, "admin", "admin", "20260115", 0, 0, "2026-01-15T11:00:00.000+09:00",
                new BigDecimal("100"), "Credit repayment RAVI", "back office slip", "REPAYMENT RAVI AT DESK",
                "RAVI", "BO-1"));
        awaitTotal(tenant, "S1", 2);

        search(tenant, "S1", Map.of("terminals", "0")).statusCode(200)
                .body("metadata.total", equalTo(1))
                .body("data[0].terminalNo", equalTo(0))
                .body("data[0].transactionType", equalTo(401))
                .body("data[0].amount", equalTo(100))
                .body("data[0].staffId", equalTo("admin"))
                .body("data[0].journalText", equalTo("REPAYMENT RAVI AT DESK"));
        JsonPath byCustomer = search(tenant, "S1", Map.of("keywords", "RAVI", "sort", "generate_date_time:1"))
                .statusCode(200).extract().jsonPath();
        assertEquals(List.of(2, 0), byCustomer.getList("data.terminalNo"));
        assertEquals(List.of(401, 401), byCustomer.getList("data.transactionType"));
        assertEquals(1, rawCount(tenant, "log_cash_in_out", backOffice));
    }

    @Test
    void theSameEventsTwiceAndReplayedChangeNothing() throws Exception {
        String tenant = newTenant();
        String sale = newId();
        String cash = newId();
        String open = newId();
        Object saleLog = tranlog(sale, tenant, "S1", 2, 7, 101, false, "20260111", "2026-01-11T10:00:00Z", 500,
                "1234.56", 3, "SALE");
        Object cashLog = cashLog(cash, tenant, "S1", 2, "300", "20260111", "2026-01-11T09:00:00Z", "CASH");
        Object openLog = openCloseLog(open, tenant, "S1", 2, "open", "20260111", "2026-01-11T08:00:00Z", "OPEN");
        for (int i = 0; i < 2; i++) {
            send(Topics.TRANLOG, tenant, "S1", 2, saleLog);
            send(Topics.CASHLOG, tenant, "S1", 2, cashLog);
            send(Topics.OPENCLOSELOG, tenant, "S1", 2, openLog);
        }
        awaitTotal(tenant, "S1", 3);
        String before = search(tenant, "S1", Map.of()).statusCode(200).extract().jsonPath().getString("data");

        // A consumer restarting without offsets reads everything again: replay this tenant's records.
        for (String topic : List.of(Topics.TRANLOG, Topics.CASHLOG, Topics.OPENCLOSELOG)) {
            List<ConsumerRecord<String, String>> all = KafkaProbe.read(topic, Duration.ofSeconds(5),
                    records -> records.stream().filter(r -> r.key().startsWith(tenant + "-")).count() >= 2);
            all.stream().filter(r -> r.key().startsWith(tenant + "-"))
                    .forEach(r -> KafkaProbe.send(topic, r.key(), r.value()));
        }
        // A later event passes the replayed ones: once it is in, they have all been applied.
        String marker = newId();
        send(Topics.TRANLOG, tenant, "S1", 2, tranlog(marker, tenant, "S1", 2, 8, 101, false, "20260111",
                "2026-01-11T11:00:00Z", 501, "1", 1, "MARKER"));
        send(Topics.CASHLOG, tenant, "S1", 2, cashLog(newId(), tenant, "S1", 2, "1", "20260111",
                "2026-01-11T11:01:00Z", "MARKER"));
        send(Topics.OPENCLOSELOG, tenant, "S1", 2, openCloseLog(newId(), tenant, "S1", 2, "close", "20260111",
                "2026-01-11T11:02:00Z", "MARKER"));
        awaitTotal(tenant, "S1", 6);
        String after = search(tenant, "S1", Map.of("keywords", "SALE,CASH,OPEN")).statusCode(200)
                .body("metadata.total", equalTo(3)).extract().jsonPath().getString("data");
        assertEquals(before, after);
        search(tenant, "S1", Map.of("transaction_types", "101")).body("data[0].amount", equalTo(1234.56f));
        assertEquals(1, rawCount(tenant, "log_tran", sale));
        assertEquals(1, rawCount(tenant, "log_cash_in_out", cash));
        assertEquals(1, rawCount(tenant, "log_open_close", open));
    }

    @Test
    void aRedeliveryAfterACrashCompletesWhatWasMissing() {
        String tenant = newTenant();
        String eventId = newId();
        // The crash came after the raw log was stored and before the entry was.
        mongo.getDatabase("journal_" + tenant).getCollection("log_tran")
                .insertOne(new Document("_id", eventId).append("written_before_the_crash", true))
                .await().atMost(Duration.ofSeconds(10));
        send(Topics.TRANLOG, tenant, "S4", 1, tranlog(eventId, tenant, "S4", 1, 1, 101, false, "20260115",
                "2026-01-15T10:00:00Z", 10, "99.90", 1, "AFTER THE CRASH"));
        awaitTotal(tenant, "S4", 1);
        search(tenant, "S4", Map.of()).body("data[0].journalText", equalTo("AFTER THE CRASH"))
                .body("data[0].amount", equalTo(99.90f));
        assertEquals(1, rawCount(tenant, "log_tran", eventId));
        Document raw = mongo.getDatabase("journal_" + tenant).getCollection("log_tran")
                .find(new Document("_id", eventId)).collect().first().await().atMost(Duration.ofSeconds(10));
        assertEquals(Boolean.TRUE, raw.get("written_before_the_crash"));
        assertEquals("received", KafkaProbe.jsonWhere(Topics.DELIVERY_ACK_CART, "event_id", eventId, 1,
                Duration.ofSeconds(20)).get(0).path("status").asText());
    }

    @Test
    void poisonGoesToTheDeadLetterTopicAndTheNextRecordIsApplied() {
        String tenant = newTenant();
        String key = Topics.terminalKey(tenant, "S1", 3);
        String unknownTenant = "Jnobody" + System.nanoTime() % 100000;
        KafkaProbe.send(Topics.TRANLOG, key, "{not json at all");
        KafkaProbe.send(Topics.TRANLOG, key, "{\"event_type\":\"tranlog\",\"tenant_id\":\"" + tenant + "\"}");
        KafkaProbe.send(Topics.CASHLOG, key, json(cashLog(newId(), tenant, "S1", 3, "10", "2026-01-12", "x", "BAD")));
        KafkaProbe.send(Topics.TRANLOG, key, json(tranlog(newId(), unknownTenant, "S1", 3, 1, 101, false,
                "20260112", "2026-01-12T10:00:00Z", 1, "1", 1, "UNKNOWN TENANT")));
        KafkaProbe.send(Topics.TRANLOG, key, json(tranlog(newId(), tenant, "S1", 3, 1, 999, false,
                "20260112", "2026-01-12T10:00:00Z", 1, "1", 1, "BAD TYPE")));
        send(Topics.TRANLOG, tenant, "S1", 3, tranlog(newId(), tenant, "S1", 3, 1, 101, false, "20260112",
                "2026-01-12T10:00:00Z", 1, "220", 2, "GOOD"));
        awaitTotal(tenant, "S1", 1);
        search(tenant, "S1", Map.of()).body("data[0].journalText", equalTo("GOOD"));

        List<ConsumerRecord<String, String>> dead = KafkaProbe.read(Topics.DEAD_LETTER, Duration.ofSeconds(20),
                records -> records.stream().filter(r -> key.equals(r.key())).count() >= 5).stream()
                .filter(r -> key.equals(r.key())).toList();
        assertEquals(5, dead.size());
        List<String> reasons = dead.stream().map(r -> new String(r.headers().lastHeader("dead-letter-reason").value(),
                StandardCharsets.UTF_8)).toList();
        assertTrue(reasons.stream().anyMatch(r -> r.contains("not JSON")), reasons.toString());
        assertTrue(reasons.stream().anyMatch(r -> r.contains("no event_id")), reasons.toString());
        assertTrue(reasons.stream().anyMatch(r -> r.contains("business_date")), reasons.toString());
        assertTrue(reasons.stream().anyMatch(r -> r.contains("unknown tenant " + unknownTenant)), reasons.toString());
        assertTrue(reasons.stream().anyMatch(r -> r.contains("transaction_type 999")), reasons.toString());
        assertTrue(dead.stream().anyMatch(r -> "{not json at all".equals(r.value())));
    }

    @Test
    void everyDeliveryIsAcknowledged() {
        String tenant = newTenant();
        String sale = newId();
        String cash = newId();
        String open = newId();
        send(Topics.TRANLOG, tenant, "S9", 1, tranlog(sale, tenant, "S9", 1, 1, 101, false, "20260113",
                "2026-01-13T10:00:00Z", 1, "220", 2, "SALE"));
        send(Topics.CASHLOG, tenant, "S9", 1, cashLog(cash, tenant, "S9", 1, "50", "20260113",
                "2026-01-13T10:01:00Z", "CASH"));
        send(Topics.OPENCLOSELOG, tenant, "S9", 1, openCloseLog(open, tenant, "S9", 1, "open", "20260113",
                "2026-01-13T10:02:00Z", "OPEN"));
        // A duplicate is acknowledged again (its first acknowledgement may have been lost).
        send(Topics.TRANLOG, tenant, "S9", 1, tranlog(sale, tenant, "S9", 1, 1, 101, false, "20260113",
                "2026-01-13T10:00:00Z", 1, "220", 2, "SALE"));
        // Each acknowledgement goes to its publisher's topic: the tranlog's to the cart, the others' to the terminal.
        List<JsonNode> toCart = KafkaProbe.jsonWhere(Topics.DELIVERY_ACK_CART, "tenant_id", tenant, 2,
                Duration.ofSeconds(30));
        List<JsonNode> toTerminal = KafkaProbe.jsonWhere(Topics.DELIVERY_ACK_TERMINAL, "tenant_id", tenant, 2,
                Duration.ofSeconds(30));
        assertTrue(toCart.stream().allMatch(a -> Topics.TRANLOG.equals(a.path("source_topic").asText())),
                toCart.toString());
        assertTrue(toTerminal.stream().noneMatch(a -> Topics.TRANLOG.equals(a.path("source_topic").asText())),
                toTerminal.toString());
        List<JsonNode> acks = new ArrayList<>(toCart);
        acks.addAll(toTerminal);
        assertEquals(4, acks.size(), acks.toString());
        assertTrue(acks.stream().allMatch(a -> "journal".equals(a.path("service").asText())
                && "received".equals(a.path("status").asText())), acks.toString());
        assertEquals(2, acks.stream().filter(a -> sale.equals(a.path("event_id").asText())
                && Topics.TRANLOG.equals(a.path("source_topic").asText())
                && "tranlog".equals(a.path("event_type").asText())).count());
        assertTrue(acks.stream().anyMatch(a -> cash.equals(a.path("event_id").asText())
                && Topics.CASHLOG.equals(a.path("source_topic").asText())));
        assertTrue(acks.stream().anyMatch(a -> open.equals(a.path("event_id").asText())
                && Topics.OPENCLOSELOG.equals(a.path("source_topic").asText())));
        search(tenant, "S9", Map.of()).body("metadata.total", equalTo(3)).body("data[0].receiptNo", equalTo(1))
                .body("data[1].receiptNo", nullValue());
    }

    @Test
    void aRecordThatCannotBeAppliedIsAcknowledgedAsFailed() {
        String unknownTenant = "Jgone" + System.nanoTime() % 100000;
        String eventId = newId();
        send(Topics.CASHLOG, unknownTenant, "S1", 1, cashLog(eventId, unknownTenant, "S1", 1, "10", "20260114",
                "2026-01-14T10:00:00Z", "LOST"));
        List<JsonNode> acks = KafkaProbe.jsonWhere(Topics.DELIVERY_ACK_TERMINAL, "event_id", eventId, 1,
                Duration.ofSeconds(30));
        assertEquals(1, acks.size());
        assertEquals("failed", acks.get(0).path("status").asText());
        assertTrue(acks.get(0).path("message").asText().contains("unknown tenant"));
    }
}
