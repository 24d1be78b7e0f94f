package dev.kassa.account;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Calls of the account API shared by the tests. */
final class Accounts {
    static final String REGISTER = "/api/v1/accounts/register";
    static final String REGISTER_USER = "/api/v1/accounts/register/user";
    static final String TOKEN = "/api/v1/accounts/token";
    static final String LOGIN_REFUSED = "Incorrect username, password or tenant_id";

    private static final ObjectMapper JSON = new ObjectMapper();

    private Accounts() {
    }

    /** A tenant id no other test uses. */
    static String newTenantId() {
        return "Tt" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
    }

    static Map<String, Object> body(Object... keyValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put((String) keyValues[i], keyValues[i + 1]);
        }
        return map;
    }

    /**
     * Registrations are throttled per client address (the test profile trusts X-Forwarded-For);
     * each one here comes from an address of its own, so tests do not count against each other.
     */
    static ValidatableResponse register(Map<String, Object> body) {
        return given().contentType(ContentType.JSON).header("X-Forwarded-For", someAddress()).body(body)
                .when().post(REGISTER).then();
    }

    /** An address in 10.0.0.0/8 no other call is likely to use. */
    static String someAddress() {
        var random = java.util.concurrent.ThreadLocalRandom.current();
        return "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + (1 + random.nextInt(254));
    }

    /** Registers a superuser of a new tenant and returns the tenant. */
    static String registerTenant(String username, String password) {
        String tenant = newTenantId();
        register(body("username", username, "password", password, "tenant_id", tenant)).statusCode(201);
        return tenant;
    }

    static ValidatableResponse login(String username, String password, String tenant) {
        var request = given().contentType(ContentType.URLENC).formParam("username", username)
                .formParam("password", password);
        if (tenant != null) {
            request.formParam("client_id", tenant);
        }
        return request.when().post(TOKEN).then();
    }

    static String token(String username, String password, String tenant) {
        return login(username, password, tenant).statusCode(200).extract().path("access_token");
    }

    static ValidatableResponse registerUser(String bearer, Map<String, Object> body) {
        var request = given().contentType(ContentType.JSON).body(body);
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return request.when().post(REGISTER_USER).then();
    }

    /** The claims of a JWT exactly as a client reads them (no signature check; see Tokens.verify). */
    static JsonNode payload(String jwt) {
        String[] parts = jwt.split("\\.");
        try {
            return JSON.readTree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static JsonNode header(String jwt) {
        try {
            return JSON.readTree(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[0]), StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
