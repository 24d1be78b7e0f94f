package dev.kassa.stock;

import dev.kassa.stock.service.SnapshotScheduler;
import dev.kassa.stock.service.SnapshotScheduler.Outcome;
import dev.kassa.stock.service.SnapshotScheduler.Result;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Snapshots on request, the per-tenant schedule, and scheduled runs that happen once per slot. */
@QuarkusTest
class SnapshotTest extends StockTestBase {
    private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    @Inject
    SnapshotScheduler scheduler;

    private static String schedulePath(String t) {
        return "/api/v1/tenants/" + t + "/stock/snapshot-schedule";
    }

    @Test
    void aSnapshotCopiesTheStoresStockAndIsFoundByIdAndDate() {
        String t = newTenant();
        adjust(t, "S1", "A", 10);
        adjust(t, "S1", "B", 2.5);
        adjust(t, "S2", "A", 99);
        as(t).body(Map.of("minimumQuantity", 3)).put(stock(t, "S1") + "/A/minimum").then().statusCode(200);
        String id = as(t).body(Map.of("createdBy", "auditor")).post(stock(t, "S1") + "/snapshot").then()
                .statusCode(201).body("code", equalTo(201)).body("operation", equalTo("create_snapshot"))
                .body("data.tenantId", equalTo(t)).body("data.storeCode", equalTo("S1"))
                .body("data.totalItems", equalTo(2)).body("data.totalQuantity", equalTo(12.5f))
                .body("data.createdBy", equalTo("auditor")).body("data.createdAt", notNullValue())
                .body("data.generateDateTime", notNullValue())
                .body("data.stocks.itemCode", contains("A", "B")).body("data.stocks[0].quantity", equalTo(10))
                .body("data.stocks[0].minimumQuantity", equalTo(3)).body("data.stocks[1].quantity", equalTo(2.5f))
                .extract().path("data.snapshotId");
        // Later changes do not touch the snapshot.
        adjust(t, "S1", "A", -10);
        as(t).get(stock(t, "S1") + "/snapshot/" + id).then().statusCode(200)
                .body("data.snapshotId", equalTo(id)).body("data.stocks[0].quantity", equalTo(10));
        as(t).get(stock(t, "S2") + "/snapshot/" + id).then().statusCode(404);
        // Without a body the creator is "system".
        as(t).post(stock(t, "S1") + "/snapshot").then().statusCode(201).body("data.createdBy", equalTo("system"))
                .body("data.stocks[0].quantity", equalTo(0));

        String today = LocalDate.now(TOKYO).toString();
        String yesterday = LocalDate.now(TOKYO).minusDays(1).toString();
        as(t).queryParam("start_date", today).queryParam("end_date", today).queryParam("limit", 1)
                .get(stock(t, "S1") + "/snapshots").then().statusCode(200)
                .body("data.metadata.total", equalTo(2)).body("data.metadata.limit", equalTo(1))
                .body("data.metadata.sort", equalTo("generate_date_time:-1"))
                .body("data.metadata.filter.start_date", equalTo(today))
                .body("data.data", hasSize(1)).body("data.data[0].createdBy", equalTo("system"));
        as(t).queryParam("end_date", yesterday).get(stock(t, "S1") + "/snapshots").then().statusCode(200)
                .body("data.metadata.total", equalTo(0));
        as(t).queryParam("start_date", OffsetDateTime.now().minusMinutes(30).toString())
                .get(stock(t, "S1") + "/snapshots").then().body("data.metadata.total", equalTo(2));
        as(t).get(stock(t, "S1") + "/snapshots").then().body("data.metadata.filter", nullValue());
        asTerminal(t, "S1").get(stock(t, "S1") + "/snapshots").then().statusCode(200);
    }

    @Test
    void theScheduleIsReadSetAndRemovedInSnakeCase() {
        String t = newTenant();
        as(t).get(schedulePath(t)).then().statusCode(200).body("operation", equalTo("get_snapshot_schedule"))
                .body("data.tenant_id", equalTo(t)).body("data.enabled", equalTo(true))
                .body("data.schedule_interval", equalTo("daily")).body("data.schedule_hour", equalTo(2))
                .body("data.schedule_minute", equalTo(0)).body("data.retention_days", equalTo(30))
                .body("data.target_stores", contains("all")).body("data.next_execution_at", notNullValue());
        as(t).body(Map.of("schedule_interval", "weekly", "schedule_hour", 23, "schedule_minute", 15,
                        "schedule_day_of_week", 6, "retention_days", 7, "target_stores", List.of("S1", "S2")))
                .put(schedulePath(t)).then().statusCode(200).body("operation", equalTo("update_snapshot_schedule"))
                .body("data.schedule_interval", equalTo("weekly")).body("data.schedule_day_of_week", equalTo(6))
                .body("data.schedule_hour", equalTo(23)).body("data.schedule_minute", equalTo(15))
                .body("data.retention_days", equalTo(7)).body("data.target_stores", contains("S1", "S2"))
                .body("data.updated_by", equalTo("owner")).body("data.created_by", equalTo("owner"));
        String next = as(t).get(schedulePath(t)).then().statusCode(200)
                .body("data.schedule_interval", equalTo("weekly")).body("data.enabled", equalTo(true))
                .extract().path("data.next_execution_at");
        ZonedDateTime nextAt = OffsetDateTime.parse(next).atZoneSameInstant(TOKYO);
        assertEquals(java.time.DayOfWeek.SUNDAY, nextAt.getDayOfWeek());
        assertEquals(23, nextAt.getHour());
        assertEquals(15, nextAt.getMinute());
        // camelCase is accepted too; disabling leaves no next execution.
        as(t).body(Map.of("enabled", false, "scheduleInterval", "monthly", "scheduleHour", 4,
                        "scheduleDayOfMonth", 31))
                .put(schedulePath(t)).then().statusCode(200).body("data.enabled", equalTo(false))
                .body("data.schedule_day_of_month", equalTo(31)).body("data.next_execution_at", nullValue())
                .body("data.retention_days", equalTo(30)).body("data.target_stores", contains("all"));
        asTerminal(t, "S1").get(schedulePath(t)).then().statusCode(200);
        as(t).delete(schedulePath(t)).then().statusCode(200).body("data.deleted", equalTo(true));
        as(t).get(schedulePath(t)).then().body("data.schedule_interval", equalTo("daily"))
                .body("data.created_by", equalTo("system"));
        as(t).delete(schedulePath(t)).then().statusCode(200).body("data.deleted", equalTo(true));
    }

    @Test
    void twoReplicasClaimingTheSameSlotMakeOneSnapshotPerStoreAndOldOnesArePruned() {
        String t = newTenant();
        adjust(t, "S1", "A", 5);
        adjust(t, "S2", "B", 7);
        int hour = (ZonedDateTime.now(TOKYO).getHour() + 12) % 24;
        String next = as(t).body(Map.of("schedule_interval", "daily", "schedule_hour", hour, "schedule_minute", 7,
                        "retention_days", 2))
                .put(schedulePath(t)).then().statusCode(200).extract().path("data.next_execution_at");
        Instant slot = OffsetDateTime.parse(next).toInstant();

        assertEquals(Result.NOT_DUE, run(t, slot.minusSeconds(1)).result());
        // Two replicas' checks of the same slot at once, through the service layer: one takes it.
        List<Outcome> race = Uni.join().all(scheduler.runDue(t, slot.plusSeconds(30)),
                scheduler.runDue(t, slot.plusSeconds(31))).andFailFast().await().atMost(Duration.ofSeconds(60));
        assertEquals(List.of(Result.TAKEN, Result.ALREADY_TAKEN),
                race.stream().map(Outcome::result).sorted().toList());
        Outcome won = race.stream().filter(o -> o.result() == Result.TAKEN).findFirst().orElseThrow();
        assertEquals(2, won.snapshots());
        assertEquals(won.slot(), race.stream().filter(o -> o.result() == Result.ALREADY_TAKEN).findFirst()
                .orElseThrow().slot());
        // Later checks within the grace find the slot taken; past the grace it is simply not due.
        assertEquals(Result.ALREADY_TAKEN, run(t, slot.plusSeconds(600)).result());
        assertEquals(Result.NOT_DUE, run(t, slot.plus(Duration.ofHours(2))).result());
        as(t).get(stock(t, "S1") + "/snapshots").then().body("data.metadata.total", equalTo(1))
                .body("data.data[0].createdBy", equalTo("scheduled_system"))
                .body("data.data[0].stocks[0].quantity", equalTo(5));
        as(t).get(stock(t, "S2") + "/snapshots").then().body("data.metadata.total", equalTo(1));
        as(t).get(schedulePath(t)).then().body("data.last_executed_at", notNullValue());

        // Three days on, the retention of two days prunes the first run's snapshots.
        adjust(t, "S1", "A", 1);
        Outcome later = run(t, slot.plus(Duration.ofDays(3)).plusSeconds(5));
        assertEquals(Result.TAKEN, later.result());
        assertEquals(2, later.pruned());
        as(t).get(stock(t, "S1") + "/snapshots").then().body("data.metadata.total", equalTo(1))
                .body("data.data[0].stocks[0].quantity", equalTo(6));
        as(t).get(stock(t, "S2") + "/snapshots").then().body("data.data.createdBy", containsInAnyOrder(
                "scheduled_system"));
    }

    private Outcome run(String tenant, Instant at) {
        return scheduler.runDue(tenant, at).await().atMost(Duration.ofSeconds(60));
    }
}
