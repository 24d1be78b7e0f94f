package dev.kassa.common.platformtest;

import dev.kassa.common.test.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class AuthTest extends PlatformTestBase {
    static String tenant;
    static String other;

    @BeforeEach
    void tenants() {
        if (tenant == null) {
            tenant = newTenant();
            other = newTenant();
        }
    }

    private String notes(String t) {
        return "/api/v1/tenants/" + t + "/notes";
    }

    @Test
    void noTokenIs401() {
        given().get(notes(tenant)).then().statusCode(401)
                .body("success", equalTo(false)).body("userError.code", equalTo("200001"));
    }

    @Test
    void expiredTokenIs401() {
        given().auth().oauth2(TestTokens.expiredUser(tenant, "admin")).get(notes(tenant)).then().statusCode(401)
                .body("userError.code", equalTo("200001"));
    }

    @Test
    void tokenSignedWithAnotherKeyIs401() {
        given().auth().oauth2(TestTokens.userSignedByStranger(tenant, "admin")).get(notes(tenant))
                .then().statusCode(401).body("userError.code", equalTo("200001"));
        given().header("Authorization", "Bearer not.a.jwt").get(notes(tenant)).then().statusCode(401);
    }

    @Test
    void wrongApiKeyIs401AndRightOneReads() {
        String terminal = tenant + "-S1-1";
        given().header("X-API-KEY", "wrong").queryParam("terminal_id", terminal).get(notes(tenant))
                .then().statusCode(401).body("userError.code", equalTo("200001"));
        given().header("X-API-KEY", FakeTerminalService.KEY).get(notes(tenant))
                .then().statusCode(401);
        given().header("X-API-KEY", FakeTerminalService.KEY).queryParam("terminal_id", terminal).get(notes(tenant))
                .then().statusCode(200).body("success", equalTo(true));
    }

    @Test
    void terminalsMayReadButNotWrite() {
        given().contentType(ContentType.JSON).header("X-API-KEY", FakeTerminalService.KEY)
                .queryParam("terminal_id", tenant + "-S1-1")
                .body(Map.of("text", "x", "quantityOrdered", 1)).post(notes(tenant))
                .then().statusCode(403).body("userError.code", equalTo("200002"));
        given().contentType(ContentType.JSON).auth().oauth2(TestTokens.terminal(tenant, "S1", 1, Map.of()))
                .body(Map.of("text", "x", "quantityOrdered", 1)).post(notes(tenant))
                .then().statusCode(403);
        given().auth().oauth2(TestTokens.terminal(tenant, "S1", 1, Map.of())).get(notes(tenant))
                .then().statusCode(200);
    }

    @Test
    void tokenOfOneTenantCannotReachAnother() {
        as(other).body(Map.of("text", "secret", "quantityOrdered", 1)).post(notes(other)).then().statusCode(201);
        as(tenant).get(notes(other)).then().statusCode(400).body("userError.code", equalTo("200003"));
        as(tenant).body(Map.of("text", "x", "quantityOrdered", 1)).post(notes(other)).then().statusCode(400);
        given().header("X-API-KEY", FakeTerminalService.KEY).queryParam("terminal_id", tenant + "-S1-1").get(notes(other))
                .then().statusCode(400);
        given().auth().oauth2(TestTokens.terminal(tenant, "S1", 1, Map.of())).get(notes(other))
                .then().statusCode(400);
    }
}
