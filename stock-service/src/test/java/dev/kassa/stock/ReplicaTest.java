package dev.kassa.stock;

import dev.kassa.common.test.SecondReplica;
import dev.kassa.common.test.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Two real replicas: this test's app (A) and the packaged app started as a second JVM (B), with
 * the same PostgreSQL, Kafka and Redis. Alerts caused on either reach clients on both exactly
 * once; a schedule due on both yields one snapshot per store for the slot.
 */
@QuarkusTest
class ReplicaTest extends StockTestBase {
    private static final String STORE = "5678";
    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");
    private static SecondReplica b;
    private static final List<String> schedulerLogOfA = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startReplicaB() throws Exception {
        Assumptions.assumeTrue(SecondReplica.available(), "No packaged app at " + SecondReplica.JAR
                + ": build the module (mvn verify builds it before the tests) to run the two-replica tests");
        if (b == null) {
            b = SecondReplica.start("replica-b", "stock", Map.of("kassa.stock.snapshot.check-every", "PT1S",
                    "kassa.stock.snapshot.check-delay", "PT1S", "kassa.stock.snapshot.instance-id", "replica-b"),
                    true, "/");
            java.util.logging.Logger.getLogger("dev.kassa.stock.service.SnapshotScheduler").addHandler(new Handler() {
                @Override
                public void publish(LogRecord record) {
                    schedulerLogOfA.add(String.valueOf(record.getMessage()) + " " + java.util.Arrays.toString(
                            record.getParameters()));
                }

                @Override
                public void flush() {
                }

                @Override
                public void close() {
                }
            });
        }
    }

    @AfterAll
    static void stopReplicaB() {
        if (b != null) {
            b.close();
            b = null;
        }
    }

    private static io.restassured.specification.RequestSpecification onB(String tenant) {
        return given().port(b.port).contentType(ContentType.JSON)
                .auth().oauth2(TestTokens.user(tenant, "manager", false));
    }

    private static int settle(AlertClient c, String item, String type) throws InterruptedException {
        Thread.sleep(2000);
        return c.alerts(item, type).size();
    }

    @Test
    void anAlertCausedOnOneReplicaReachesClientsOnBothExactlyOnceWithinTheCooldown() throws Exception {
        String t = newTenant();
        String token = TestTokens.user(t, "manager", false);
        adjust(t, STORE, "X", 30);
        as(t).body(Map.of("reorderPoint", 20, "reorderQuantity", 50)).put(stock(t, STORE) + "/X/reorder")
                .then().statusCode(200);
        // An item already at its reorder point: B, which has never seen this tenant, tells its new client.
        adjust(t, STORE, "OLD", 1);
        as(t).body(Map.of("reorderPoint", 2, "reorderQuantity", 5)).put(stock(t, STORE) + "/OLD/reorder")
                .then().statusCode(200);
        try (AlertClient clientOnB = AlertClient.connect(b.port, t, STORE, token);
             AlertClient clientOnA = AlertClient.connect(RestAssured.port, t, STORE, token)) {
            clientOnB.awaitConnected();
            clientOnA.awaitConnected();
            await().atMost(Duration.ofSeconds(30)).until(() -> clientOnB.alerts("OLD", "reorder_point").size() == 1);
            assertEquals(List.of(), clientOnB.alerts("X", "reorder_point"));

            // Caused through A: 30 - 12 = 18 <= 20.
            as(t).body(Map.of("quantityChange", -12, "updateType", "sale")).put(stock(t, STORE) + "/X/update")
                    .then().statusCode(200);
            await().atMost(Duration.ofSeconds(30)).until(() -> clientOnB.alerts("X", "reorder_point").size() == 1
                    && clientOnA.alerts("X", "reorder_point").size() == 1);
            assertEquals(18, clientOnB.alerts("X", "reorder_point").get(0).path("current_quantity").asInt());

            // Within the cooldown a change through B (which B's own cooldown check sees in Redis) alerts no one.
            onB(t).body(Map.of("quantityChange", -1, "updateType", "sale")).put(stock(t, STORE) + "/X/update")
                    .then().statusCode(200).body("data.beforeQuantity", equalTo(18)).body("data.afterQuantity", equalTo(17));
            assertEquals(1, settle(clientOnB, "X", "reorder_point"));
            assertEquals(1, clientOnA.alerts("X", "reorder_point").size());

            // Caused through B: a minimum on a low item reaches the client on A, once.
            onB(t).body(Map.of("quantityChange", 4, "updateType", "purchase")).put(stock(t, STORE) + "/Y/update")
                    .then().statusCode(200);
            onB(t).body(Map.of("minimumQuantity", 10)).put(stock(t, STORE) + "/Y/minimum").then().statusCode(200);
            await().atMost(Duration.ofSeconds(30)).until(() -> clientOnA.alerts("Y", "minimum_stock").size() == 1
                    && clientOnB.alerts("Y", "minimum_stock").size() == 1);
            assertEquals(1, settle(clientOnA, "Y", "minimum_stock"));
            assertEquals(1, clientOnB.alerts("Y", "minimum_stock").size());
            assertEquals(4, clientOnA.alerts("Y", "minimum_stock").get(0).path("current_quantity").asInt());
        }
        // Both replicas answer the same stock.
        onB(t).get(stock(t, STORE) + "/X").then().statusCode(200).body("data.currentQuantity", equalTo(17));
        as(t).get(stock(t, STORE) + "/Y").then().statusCode(200).body("data.minimumQuantity", equalTo(10));
    }

    @Test
    void aScheduleDueOnBothReplicasYieldsOneSnapshotPerStoreForTheSlot() throws Exception {
        String t = newTenant();
        adjust(t, "S1", "A", 5);
        adjust(t, "S2", "B", 7);
        ZonedDateTime now = ZonedDateTime.now(TOKYO);
        if (now.getSecond() > 40) {
            Thread.sleep((61 - now.getSecond()) * 1000L);
            now = ZonedDateTime.now(TOKYO);
        }
        // Due this very minute, on both replicas, which check every second.
        as(t).body(Map.of("schedule_interval", "daily", "schedule_hour", now.getHour(),
                        "schedule_minute", now.getMinute()))
                .put("/api/v1/tenants/" + t + "/stock/snapshot-schedule").then().statusCode(200);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            as(t).get(stock(t, "S1") + "/snapshots").then().body("data.metadata.total", equalTo(1));
            as(t).get(stock(t, "S2") + "/snapshots").then().body("data.metadata.total", equalTo(1));
        });
        // Both replicas settle the slot: one took it, the other found it taken.
        Pattern taken = Pattern.compile("of tenant " + t + " taken by");
        Pattern already = Pattern.compile("of tenant " + t + " already taken");
        await().atMost(Duration.ofSeconds(30)).until(() -> count(taken, b.logText()) + countA(t, "taken by") == 1
                && count(already, b.logText()) + countA(t, "already taken") == 1);
        Thread.sleep(3000);
        as(t).get(stock(t, "S1") + "/snapshots").then().body("data.metadata.total", equalTo(1))
                .body("data.data[0].createdBy", equalTo("scheduled_system"))
                .body("data.data[0].stocks[0].quantity", equalTo(5));
        as(t).get(stock(t, "S2") + "/snapshots").then().body("data.metadata.total", equalTo(1));
        assertEquals(1, count(taken, b.logText()) + countA(t, "taken by"));
        // B had never seen this tenant before its first check: that check worked at once.
        assertFalse(b.logText().contains("Scheduled snapshots of tenant " + t + " failed"), b.logText());
    }

    private static long count(Pattern p, String text) {
        return p.matcher(text).results().count();
    }

    private static long countA(String tenant, String what) {
        return schedulerLogOfA.stream().filter(m -> m.contains(what) && m.contains(tenant)
                && !(what.equals("taken by") && m.contains("already taken"))).count();
    }
}
