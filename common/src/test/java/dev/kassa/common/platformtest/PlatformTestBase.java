package dev.kassa.common.platformtest;

import dev.kassa.common.test.KassaInfra;
import dev.kassa.common.test.TestTokens;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Shared set-up of common's platform tests: one tenant per test class, user tokens for it. */
@WithTestResource(value = KassaInfra.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = FakeTerminalService.class, scope = TestResourceScope.GLOBAL)
abstract class PlatformTestBase {

    static String newTenant() {
        String tenant = "P" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        given().contentType(ContentType.JSON).auth().oauth2(TestTokens.user(tenant, "admin", true))
                .body(Map.of("tenant_id", tenant))
                .post("/api/v1/tenants").then().statusCode(201);
        return tenant;
    }

    static RequestSpecification as(String tenant) {
        return given().contentType(ContentType.JSON).auth().oauth2(TestTokens.user(tenant, "admin", true));
    }
}
