package dev.kassa.cart.api;

import dev.kassa.common.test.BadInputSweep;
import dev.kassa.common.test.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.Map;
import java.util.UUID;

/** The generated bad-input sweep of the cart API: every refused body is a 4xx envelope and changes nothing. */
@QuarkusTest
class BadInputSweepTest extends CartApiTestBase {

    @Test
    void badBodiesAreRefusedAndChangeNothing() {
        String tenant = newTenant();
        String token = terminalToken(tenant, 1);
        post(token, paidCart(token), "bill", null);   // transaction 1, to void
        post(token, paidCart(token), "bill", null);   // transaction 2, to return
        String cartId = createCart(token);
        addItem(token, cartId, "49-01", 2);
        String fresh = "C" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String tx = transactionsPath(tenant, 1);
        String payment = "[{\"paymentCode\":\"01\",\"amount\":220}]";

        BadInputSweep.of("cart", URI.create("http://localhost:" + RestAssured.port))
                .header("Authorization", "Bearer " + token)
                .pathValue("cartId", cartId)
                .pathValue("lineNo", "1")
                .pathValue("tenantId", tenant)
                .pathValue("storeCode", STORE)
                .pathValue("terminalNo", "1")
                .pathValue("transactionNo", "1")
                .pathValues("POST /api/v1/tenants/{tenantId}/stores/{storeCode}/terminals/{terminalNo}/transactions/"
                        + "{transactionNo}/return", Map.of("transactionNo", "2"))
                .headers("POST /api/v1/tenants",
                        Map.of("Authorization", "Bearer " + TestTokens.user(fresh, "admin", true)))
                .sample("POST /api/v1/tenants", "{\"tenant_id\":\"" + fresh + "\"}")
                .sample("POST /api/v1/carts", "{\"transaction_type\":101,\"user_id\":\"99\",\"user_name\":\"Sweep\"}")
                .sample("POST /api/v1/carts/{cartId}/lineItems", "[{\"itemCode\":\"49-01\",\"quantity\":1}]")
                .sample("PATCH /api/v1/carts/{cartId}/lineItems/{lineNo}/quantity", "{\"quantity\":3}")
                .sample("PATCH /api/v1/carts/{cartId}/lineItems/{lineNo}/unitPrice", "{\"unitPrice\":90}")
                .sample("POST /api/v1/carts/{cartId}/lineItems/{lineNo}/discounts",
                        "[{\"discountType\":\"DiscountAmount\",\"discountValue\":10}]")
                .sample("POST /api/v1/carts/{cartId}/discounts",
                        "[{\"discountType\":\"DiscountAmount\",\"discountValue\":10}]")
                .sample("POST /api/v1/carts/{cartId}/payments", payment)
                .sample("POST /api/v1/carts/offline-sales", "{\"sales\":[{\"clientSaleId\":\"" + UUID.randomUUID()
                        + "\",\"localTime\":\"2026-01-01T08:00:00+09:00\",\"lines\":[{\"itemCode\":\"49-01\","
                        + "\"quantity\":1,\"unitPrice\":100}],\"payments\":[{\"paymentCode\":\"01\",\"amount\":110}]}]}")
                .sample("POST /api/v1/tenants/{tenantId}/stores/{storeCode}/terminals/{terminalNo}/transactions/"
                        + "{transactionNo}/void", payment)
                .sample("POST /api/v1/tenants/{tenantId}/stores/{storeCode}/terminals/{terminalNo}/transactions/"
                        + "{transactionNo}/return", payment)
                .snapshot("/api/v1/carts/" + cartId, tx + "?limit=100", tx + "/1", tx + "/2")
                .run()
                .assertClean();
    }
}
