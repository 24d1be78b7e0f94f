package dev.kassa.stock;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kassa.common.event.Topics;
import dev.kassa.common.event.TranLog;
import dev.kassa.common.test.KafkaProbe;
import dev.kassa.common.test.KassaInfra;
import dev.kassa.common.test.TestTokens;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Shared set-up of the stock tests: real servers, a fresh tenant per test, tokens and tranlogs. */
@WithTestResource(value = KassaInfra.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "db", value = "stock"))
public abstract class StockTestBase {
    /** Events are snake_case through the records' own annotations. */
    protected static final ObjectMapper EVENTS = new ObjectMapper();

    protected static String newTenant() {
        return newTenant(newTenantId());
    }

    protected static String newTenantId() {
        return "S" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    protected static String newTenant(String tenant) {
        given().contentType(ContentType.JSON).auth().oauth2(TestTokens.user(tenant, "admin", true))
                .body(Map.of("tenant_id", tenant))
                .post("/api/v1/tenants").then().statusCode(201);
        return tenant;
    }

    /** An owner of the tenant: every stock operation, and provisioning the tenant, are its to call. */
    protected static RequestSpecification as(String tenant) {
        return given().contentType(ContentType.JSON).auth().oauth2(TestTokens.user(tenant, "owner", true));
    }

    protected static RequestSpecification asTerminal(String tenant, String store) {
        return given().contentType(ContentType.JSON).auth().oauth2(TestTokens.terminal(tenant, store, 1, Map.of()));
    }

    protected static String stock(String tenant, String store) {
        return "/api/v1/tenants/" + tenant + "/stores/" + store + "/stock";
    }

    /** Sets an item's quantity through the API (an adjustment by the difference from zero for a new item). */
    protected static void adjust(String tenant, String store, String item, Object change) {
        as(tenant).body(Map.of("quantityChange", change, "updateType", "adjustment"))
                .put(stock(tenant, store) + "/" + item + "/update").then().statusCode(200);
    }

    /** A line of a tranlog: item and quantity, optionally cancelled. */
    protected record Line(String item, int quantity, boolean cancelled) {
        static Line of(String item, int quantity) {
            return new Line(item, quantity, false);
        }
    }

    protected static TranLog tranlog(String tenant, String store, long transactionNo, int type, boolean cancelled,
                                     Line... lines) {
        List<TranLog.LineItem> items = new ArrayList<>();
        int no = 1;
        for (Line l : lines) {
            items.add(new TranLog.LineItem(no++, l.item(), "Item " + l.item(), "01", new BigDecimal("100"),
                    new BigDecimal("100"), false, l.quantity(), new BigDecimal(100L * l.quantity()), "01", List.of(),
                    List.of(), l.cancelled(), false));
        }
        TranLog.Sales sales = new TranLog.Sales(BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO,
                items.stream().mapToInt(TranLog.LineItem::quantity).sum(), BigDecimal.ZERO, BigDecimal.ZERO, cancelled,
                false, BigDecimal.ZERO, BigDecimal.ZERO);
        return new TranLog(UUID.randomUUID().toString(), TranLog.EVENT_TYPE, tenant, store, "Store " + store, 9,
                transactionNo, type, "20250101", 1, 1, "2025-01-01T10:00:00", transactionNo,
                new TranLog.Person("u1", "User"), new TranLog.Person("staff1", "Staff"), sales, items, List.of(),
                List.of(), List.of(), null, "", "", Map.of());
    }

    protected static String json(Object event) {
        try {
            return EVENTS.writeValueAsString(event);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    protected static void send(TranLog t) {
        KafkaProbe.send(Topics.TRANLOG, Topics.terminalKey(t.tenantId(), t.storeCode(), t.terminalNo()), json(t));
    }
}
