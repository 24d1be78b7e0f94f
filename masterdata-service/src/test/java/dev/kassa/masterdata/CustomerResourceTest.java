package dev.kassa.masterdata;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Customers: CRUD, search, change events, delete refused while credit is owed, erase keeps the ledger. */
@QuarkusTest
class CustomerResourceTest extends LedgerTestBase {

    @Test
    void crudSearchAndEvents() {
        String t = provisioned();
        String user = userToken(t);
        String p = "/api/v1/tenants/" + t + "/customers";
        ok(as(user).body(Map.of("customerCode", "C-001", "name", "Asha Rao", "phone", "0901234",
                "creditLimit", 500)).post(p).then(), 201, "create_customer")
                .body("data.customerCode", equalTo("C-001"))
                .body("data.loyaltyTier", equalTo("standard"))
                .body("data.creditLimit", equalTo(500))
                .body("data.isErased", equalTo(false));
        as(user).body(Map.of("customerCode", "C-002", "name", "Bala Iyer", "phone", "0905555", "loyaltyTier", "gold"))
                .post(p).then().statusCode(201);
        as(user).body(Map.of("customerCode", "D-003", "name", "Chitra Rao", "phone", "0711111"))
                .post(p).then().statusCode(201);
        error(as(user).body(Map.of("customerCode", "C-001", "name", "Again")).post(p).then(), 400, "500005");
        error(as(user).body(Map.of("customerCode", "C-009", "name", "Minus", "creditLimit", -1)).post(p).then(),
                422, "300001");

        ok(as(user).queryParam("name", "RAO").queryParam("sort", "name:-1").get(p).then(), 200, "list_customers")
                .body("data.customerCode", contains("D-003", "C-001"))
                .body("metadata.total", equalTo(2));
        as(user).queryParam("phone", "0905").get(p).then().statusCode(200).body("data.customerCode", contains("C-002"));
        as(user).queryParam("customer_code", "C-").queryParam("limit", 1).queryParam("page", 2).get(p).then()
                .statusCode(200).body("data.customerCode", contains("C-002")).body("metadata.total", equalTo(2));
        // a LIKE wildcard in the search is a character, not a pattern
        as(user).queryParam("customer_code", "%").get(p).then().statusCode(200).body("metadata.total", equalTo(0));
        error(as(user).queryParam("sort", "pin_hash:1").get(p).then(), 400, "300002");

        ok(as(user).body(Map.of("name", "Asha R.", "phone", "0901234", "loyaltyTier", "silver", "creditLimit", 800))
                .put(p + "/C-001").then(), 200, "update_customer")
                .body("data.loyaltyTier", equalTo("silver")).body("data.creditLimit", equalTo(800));
        ok(as(terminalToken(t, "S1", 1)).get(p + "/C-001").then(), 200, "get_customer")
                .body("data.name", equalTo("Asha R."));
        ok(as(user).delete(p + "/D-003").then(), 200, "delete_customer");
        error(as(user).get(p + "/D-003").then(), 404, "405002");

        List<JsonNode> events = events(t, 5, e -> "customer".equals(e.path("entity").asText()));
        assertEquals(List.of("C-001:created", "C-002:created", "D-003:created", "C-001:updated", "D-003:deleted"),
                events.stream().map(e -> e.path("code").asText() + ":" + e.path("action").asText()).toList());
    }

    @Test
    void deleteIsRefusedWhileCreditIsOwedAndEraseKeepsTheLedger() {
        String t = provisioned();
        String user = userToken(t);
        String p = "/api/v1/tenants/" + t + "/customers";
        customer(t, "K1", 1000);
        String store = "S1";
        tranlog(sale(t, store, 1, 1, "20260601", "K1", 250, payment(1, CREDIT, 250, null)));
        awaitLedger(t, "K1", "creditBalance", 250);

        error(as(user).delete(p + "/K1").then(), 400, "405301");
        as(user).get(p + "/K1").then().statusCode(200);

        ok(as(user).post(p + "/K1/erase").then(), 200, "erase_customer")
                .body("data.name", equalTo("(erased)"))
                .body("data.phone", nullValue())
                .body("data.isErased", equalTo(true));
        // the debt survives the erasure, and no new credit is given to an erased customer
        as(user).get(p + "/K1/ledger").then().statusCode(200).body("data.creditBalance", equalTo(250));
        error(as(user).body(Map.of("name", "Back", "loyaltyTier", "standard", "creditLimit", 5)).put(p + "/K1").then(),
                400, "405305");
        as(user).body(Map.of("amount", 250, "storeCode", "S1")).post(p + "/K1/credit/repayments").then().statusCode(201)
                .body("data.creditBalance", equalTo(0));
        ok(as(user).delete(p + "/K1").then(), 200, "delete_customer");
    }

    @Test
    void anotherTenantSeesAndChangesNothing() {
        String t = provisioned();
        String other = provisioned();
        customer(t, "K1", 100);
        String p = "/api/v1/tenants/" + t + "/customers";
        String o = userToken(other);
        error(as(o).get(p + "/K1").then(), 400, "200003");
        error(as(o).get(p).then(), 400, "200003");
        error(as(o).get(p + "/K1/ledger").then(), 400, "200003");
        error(as(o).body(Map.of("amount", 5, "storeCode", "S1")).post(p + "/K1/credit/repayments").then(), 400, "200003");
        error(as(o).delete(p + "/K1").then(), 400, "200003");
        error(as(o).post(p + "/K1/erase").then(), 400, "200003");
        error(as(o).get("/api/v1/tenants/" + t + "/reports/customers/points-liability").then(), 400, "200003");
        as(terminalToken(t, "S1", 1)).body(Map.of("customerCode", "X", "name", "x")).post(p).then().statusCode(403);
        as(userToken(t)).get(p + "/K1").then().statusCode(200).body("data.name", equalTo("Customer K1"));
    }
}
