package dev.kassa.common.platformtest;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

@QuarkusTest
class TenantIsolationTest extends PlatformTestBase {
    static String a;
    static String b;

    @BeforeEach
    void tenants() {
        if (a != null) {
            return;
        }
        a = newTenant();
        b = newTenant();
        for (int i = 0; i < 3; i++) {
            as(a).body(Map.of("text", "a-only", "quantityOrdered", 1)).post("/api/v1/tenants/" + a + "/notes")
                    .then().statusCode(201);
        }
    }

    @Test
    void otherTenantsRowsAreInvisibleEvenToARawQuery() {
        as(b).get("/api/v1/tenants/" + b + "/notes").then().statusCode(200).body("data", hasSize(0))
                .body("metadata.total", equalTo(0));
        as(a).get("/api/v1/tenants/" + a + "/notes").then().statusCode(200).body("metadata.total", equalTo(3));
    }

    @Test
    void rawSqlWithoutTenantPredicateSeesOnlyItsTenant() {
        as(b).get("/api/v1/tenants/" + b + "/raw-view").then().statusCode(200)
                .body("data.notes", equalTo(0)).body("data.schema", equalTo("t_" + b));
        as(a).get("/api/v1/tenants/" + a + "/raw-view").then().statusCode(200)
                .body("data.notes", equalTo(3)).body("data.schema", equalTo("t_" + a));
        // The schema is transaction-local: whatever connection the pool hands out next starts clean.
        for (int i = 0; i < 10; i++) {
            String t = i % 2 == 0 ? a : b;
            as(t).get("/api/v1/tenants/" + t + "/raw-view").then().statusCode(200)
                    .body("data.notes", equalTo(t.equals(a) ? 3 : 0));
        }
    }
}
