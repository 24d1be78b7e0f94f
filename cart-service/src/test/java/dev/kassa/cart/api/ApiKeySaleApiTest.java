package dev.kassa.cart.api;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;

/** The same sale with X-API-KEY + terminal_id (kugel-flows.md §3), the terminal's state from the terminal service. */
@QuarkusTest
class ApiKeySaleApiTest extends CartApiTestBase {

    static RequestSpecification key(String terminalId) {
        return given().contentType(ContentType.JSON).header("X-API-KEY", MasterDataDouble.API_KEY)
                .queryParam("terminal_id", terminalId);
    }

    @Test
    void saleWithAnApiKey() {
        String tenant = newTenant();
        String tid = tenant + "-" + STORE + "-3";
        String cartId = key(tid).body(Map.of("transaction_type", 101)).post("/api/v1/carts").then().statusCode(201)
                .body("data.cartId", notNullValue()).extract().path("data.cartId");
        key(tid).body(List.of(Map.of("itemCode", "49-01", "quantity", 2)))
                .post("/api/v1/carts/" + cartId + "/lineItems").then().statusCode(200)
                .body("data.totalAmountWithTax", equalTo(220)).body("data.staff.id", equalTo("S001"));
        key(tid).post("/api/v1/carts/" + cartId + "/subtotal").then().statusCode(200);
        key(tid).body(List.of(Map.of("paymentCode", "01", "amount", 1000)))
                .post("/api/v1/carts/" + cartId + "/payments").then().statusCode(200)
                .body("data.changeAmount", equalTo(780));
        key(tid).post("/api/v1/carts/" + cartId + "/bill").then().statusCode(200)
                .body("data.cartStatus", equalTo("Completed"))
                .body("data.transactionNo", equalTo(1))
                .body("data.receiptNo", equalTo(111111));
        key(tid).get(transactionsPath(tenant, 3) + "/1").then().statusCode(200)
                .body("data.totalAmount", equalTo(220)).body("data.status.isCancelled", is(false));

        // a wrong key is refused; the terminal-state cache can be cleared by a user
        given().contentType(ContentType.JSON).header("X-API-KEY", "wrong").queryParam("terminal_id", tid)
                .get("/api/v1/carts/" + cartId).then().statusCode(401);
        as(dev.kassa.common.test.TestTokens.user(tenant, "admin", true))
                .delete("/api/v1/cache/terminal?terminal_id=" + tid).then().statusCode(200)
                .body("data.cleared", equalTo(1));
        key(tid).get("/api/v1/carts/" + cartId).then().statusCode(200).body("data.cartStatus", equalTo("Completed"));
    }
}
