package dev.kassa.cart.api;

import dev.kassa.common.test.KassaInfra;
import dev.kassa.common.test.TestTokens;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Shared set-up of the cart's API tests: real servers, the master-data double, tenants and terminals. */
@WithTestResource(value = KassaInfra.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "db", value = "cart"))
@WithTestResource(value = MasterDataDouble.class, scope = TestResourceScope.GLOBAL)
abstract class CartApiTestBase {
    static final String STORE = "5678";
    static final String BUSINESS_DATE = "20260101";

    static String newTenant() {
        String tenant = "C" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        given().contentType(ContentType.JSON).auth().oauth2(TestTokens.user(tenant, "admin", true))
                .body(Map.of("tenant_id", tenant))
                .post("/api/v1/tenants").then().statusCode(201);
        return tenant;
    }

    /** An opened terminal with staff S001 signed in, as its JWT says. */
    static String terminalToken(String tenant, int terminalNo) {
        return terminalToken(tenant, terminalNo, Map.of());
    }

    static String terminalToken(String tenant, int terminalNo, Map<String, Object> overrides) {
        Map<String, Object> claims = new HashMap<>();
        claims.put("status", "Opened");
        claims.put("staff_id", "S001");
        claims.put("staff_name", "Staff1");
        claims.put("business_date", BUSINESS_DATE);
        claims.put("open_counter", 1);
        claims.put("business_counter", 1);
        claims.putAll(overrides);
        return TestTokens.terminal(tenant, STORE, terminalNo, claims);
    }

    static RequestSpecification as(String token) {
        return given().contentType(ContentType.JSON).auth().oauth2(token);
    }

    static String createCart(String token) {
        return as(token).body(Map.of("transaction_type", 101, "user_id", "99", "user_name", "John Doe"))
                .post("/api/v1/carts").then().statusCode(201).extract().path("data.cartId");
    }

    static JsonPath addItem(String token, String cartId, String itemCode, int quantity) {
        return as(token).body(List.of(Map.of("itemCode", itemCode, "quantity", quantity)))
                .post("/api/v1/carts/" + cartId + "/lineItems").then().statusCode(200).extract().jsonPath();
    }

    static JsonPath post(String token, String cartId, String op, Object body) {
        RequestSpecification spec = as(token);
        if (body != null) {
            spec = spec.body(body);
        }
        return spec.post("/api/v1/carts/" + cartId + "/" + op).then().statusCode(200).extract().jsonPath();
    }

    /** A paid cart of one 49-01 × 2 (220 with tax), ready to bill. */
    static String paidCart(String token) {
        String cartId = createCart(token);
        addItem(token, cartId, "49-01", 2);
        post(token, cartId, "subtotal", null);
        post(token, cartId, "payments", List.of(Map.of("paymentCode", "01", "amount", 1000)));
        return cartId;
    }

    static String transactionsPath(String tenant, int terminalNo) {
        return "/api/v1/tenants/" + tenant + "/stores/" + STORE + "/terminals/" + terminalNo + "/transactions";
    }
}
