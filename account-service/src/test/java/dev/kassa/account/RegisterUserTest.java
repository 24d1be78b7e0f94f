package dev.kassa.account;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kassa.common.auth.Tokens;
import dev.kassa.common.test.KassaInfra;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static dev.kassa.account.Accounts.REGISTER_USER;
import static dev.kassa.account.Accounts.body;
import static dev.kassa.account.Accounts.payload;
import static dev.kassa.account.Accounts.registerTenant;
import static dev.kassa.account.Accounts.registerUser;
import static dev.kassa.account.Accounts.token;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@WithTestResource(value = KassaInfra.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "db", value = "account"))
class RegisterUserTest {

    @Inject
    Tokens tokens;

    @Inject
    DataSource dataSource;

    StoredUsers stored;
    String tenant;
    String superToken;

    @BeforeEach
    void setUp() {
        stored = new StoredUsers(dataSource);
        tenant = registerTenant("owner", "Pa55-wp-renwo");
        superToken = token("owner", "Pa55-wp-renwo", tenant);
    }

    @Test
    void aSuperuserAddsAUserWhoIsACashierByDefault() {
        ExtractableResponse<Response> answer = registerUser(superToken, body("username", "clerk", "password", "Pa55-wp-krelc"))
                .statusCode(201)
                .contentType(ContentType.JSON)
                .body("success", is(true))
                .body("code", is(201))
                .body("message", is("User registration successful"))
                .body("userError", nullValue())
                .body("metadata", nullValue())
                .body("operation", is("register_user_by_superuser"))
                .body("data.username", is("clerk"))
                .body("data.password", is("*****"))
                .body("data.hashedPassword", startsWith("$2"))
                .body("data.tenantId", is(tenant))
                .body("data.isSuperuser", is(false))
                .body("data.isActive", is(true))
                .body("data.roles", contains("cashier"))
                .body("data.updatedAt", nullValue())
                .body("data.lastLogin", nullValue())
                .extract();
        Map<String, Object> data = answer.path("data");
        assertEquals(RegisterSuperuserTest.USER_FIELDS, data.keySet());

        Map<String, Object> row = stored.find(tenant, "clerk");
        String hash = (String) row.get("hashed_password");
        assertNotEquals("clerk-pw", hash);
        assertTrue(hash.startsWith("$2"), hash);
        assertEquals(hash, answer.path("data.hashedPassword"));
        assertEquals(false, row.get("is_superuser"));
        assertEquals(List.of("cashier"), row.get("roles"));
        assertEquals(2, stored.count(tenant));

        JsonNode claims = payload(token("clerk", "Pa55-wp-krelc", tenant));
        assertEquals("clerk", claims.get("sub").asText());
        assertEquals(tenant, claims.get("tenant_id").asText());
        assertFalse(claims.get("is_superuser").asBoolean());
        assertTrue(claims.get("is_superuser").isBoolean());
        assertEquals(List.of("cashier"), TokenTest.strings(claims.get("roles")));
    }

    @Test
    void rolesCanBeGiven_snakeAndCamelCase() {
        registerUser(superToken, body("user_name_is_ignored", "x", "username", "lead", "password", "Pa55-wp-dael",
                "roles", List.of("manager", "cashier")))
                .statusCode(201).body("data.roles", contains("manager", "cashier"));
        registerUser(superToken, body("username", "twin", "password", "Pa55-wp-niwt", "tenantId", tenant,
                "roles", List.of("cashier")))
                .statusCode(201).body("data.tenantId", is(tenant)).body("data.roles", contains("cashier"));
        registerUser(superToken, body("username", "triplet", "password", "Pa55-wp-telpirt", "tenant_id", tenant))
                .statusCode(201).body("data.tenantId", is(tenant));
        assertEquals(List.of("manager", "cashier"),
                TokenTest.strings(payload(token("lead", "Pa55-wp-dael", tenant)).get("roles")));
    }

    @Test
    void aRegularUserIsForbidden() {
        registerUser(superToken, body("username", "plain", "password", "Pa55-wp-nialp")).statusCode(201);
        String plain = token("plain", "Pa55-wp-nialp", tenant);
        registerUser(plain, body("username", "sneaky", "password", "Pa55-wp-ykaens"))
                .statusCode(403)
                .body("success", is(false))
                .body("code", is(403))
                .body("userError.code", is("200002"))
                .body("data", nullValue());
        assertNull(stored.find(tenant, "sneaky"));
    }

    @Test
    void aForgedSuperuserClaimForARegularUserIsForbidden() {
        registerUser(superToken, body("username", "climber", "password", "Pa55-wp-rebmilc")).statusCode(201);
        String forged = tokens.sign(Map.of("tenant_id", tenant, "is_superuser", true, "roles", List.of("user")), "climber", Duration.ofMinutes(5));
        registerUser(forged, body("username", "sneaky", "password", "Pa55-wp-ykaens"))
                .statusCode(403).body("userError.code", is("200002"));
        assertNull(stored.find(tenant, "sneaky"));
    }

    @Test
    void withoutAValidTokenIt401s() {
        registerUser(null, body("username", "anon", "password", "Pa55-wp-nona"))
                .statusCode(401)
                .body("success", is(false))
                .body("code", is(401))
                .body("userError.code", is("200001"));
        registerUser("not.a.jwt", body("username", "anon", "password", "Pa55-wp-nona"))
                .statusCode(401).body("userError.code", is("200001"));
        String expired = tokens.sign(Map.of("tenant_id", tenant, "is_superuser", true, "roles", List.of("superuser")), "owner", Duration.ofHours(-2));
        registerUser(expired, body("username", "anon", "password", "Pa55-wp-nona"))
                .statusCode(401).body("userError.code", is("200001"));
        // A well-signed superuser token of a user or tenant that is not here.
        String ghost = tokens.sign(Map.of("tenant_id", tenant, "is_superuser", true), "ghost",
                Duration.ofMinutes(5));
        registerUser(ghost, body("username", "anon", "password", "Pa55-wp-nona"))
                .statusCode(401).body("userError.code", is("200001"));
        String nowhere = tokens.sign(Map.of("tenant_id", Accounts.newTenantId(), "is_superuser", true), "owner", Duration.ofMinutes(5));
        registerUser(nowhere, body("username", "anon", "password", "Pa55-wp-nona"))
                .statusCode(401).body("userError.code", is("200001"));
        assertNull(stored.find(tenant, "anon"));
    }

    @Test
    void aDeactivatedSuperuserCannotAddUsers() {
        stored.update(tenant, "owner", "is_active = false");
        registerUser(superToken, body("username", "late", "password", "Pa55-wp-etal"))
                .statusCode(401).body("userError.code", is("200001"));
        assertNull(stored.find(tenant, "late"));
    }

    @Test
    void terminalsAndServicesAreForbidden() {
        String terminal = tokens.sign(Map.of("token_type", "terminal", "tenant_id", tenant, "terminal_id",
                tenant + "-5678-9", "store_code", "5678", "terminal_no", 9, "status", "Idle"), "terminal:" + tenant + "-5678-9", Duration.ofMinutes(5));
        registerUser(terminal, body("username", "robot", "password", "Pa55-wp-tobor"))
                .statusCode(403).body("userError.code", is("200002"));
        registerUser(tokens.serviceToken("cart", tenant), body("username", "robot", "password", "Pa55-wp-tobor"))
                .statusCode(403).body("userError.code", is("200002"));
        assertNull(stored.find(tenant, "robot"));
    }

    @Test
    void anotherTenantInTheBodyIsRefused() {
        String other = registerTenant("neighbour", "Pa55-wp-ruobhgien");
        registerUser(superToken, body("username", "spy", "password", "Pa55-wp-yps", "tenant_id", other))
                .statusCode(400)
                .body("success", is(false))
                .body("userError.code", is("200003"));
        registerUser(superToken, body("username", "spy", "password", "Pa55-wp-yps", "tenantId", "bad-id"))
                .statusCode(400).body("userError.code", is("300003"));
        assertNull(stored.find(other, "spy"));
        assertNull(stored.find(tenant, "spy"));
        // A user is always created in the caller's tenant and only logs in there.
        registerUser(superToken, body("username", "homebody", "password", "Pa55-wp-emoh")).statusCode(201);
        assertNull(stored.find(other, "homebody"));
        TokenTest.assertRefused(Accounts.login("homebody", "Pa55-wp-emoh", other));
    }

    @Test
    void duplicateUsernamesAre400() {
        registerUser(superToken, body("username", "dup", "password", "Pa55-wp-pud")).statusCode(201);
        registerUser(superToken, body("username", "dup", "password", "Pa55-wp-rehto"))
                .statusCode(400)
                .body("success", is(false))
                .body("code", is(400))
                .body("userError.code", is("500005"))
                .body("userError.message", is("User dup already exists in tenant " + tenant));
        registerUser(superToken, body("username", "owner", "password", "Pa55-x-000"))
                .statusCode(400).body("userError.code", is("500005"));
        token("dup", "Pa55-wp-pud", tenant);
        token("owner", "Pa55-wp-renwo", tenant);
    }

    @Test
    void validationErrorsAre422() {
        for (Map<String, Object> bad : List.of(
                body("password", "p"),
                body("username", "u"),
                body("username", "", "password", "p"),
                body("username", "u", "password", " "),
                body("username", "u".repeat(129), "password", "p"),
                body("username", "u", "password", "p".repeat(73)),
                body("username", "u", "password", "p", "roles", List.of("superuser")),
                body("username", "u", "password", "p", "roles", List.of("terminal")),
                body("username", "u", "password", "p", "roles", List.of("cashier", "")),
                body("username", "u", "password", "p", "roles", List.of("auditor")),
                body("username", "u", "password", "p", "roles", "user"))) {
            registerUser(superToken, bad)
                    .statusCode(422)
                    .body("success", is(false))
                    .body("code", is(422))
                    .body("userError.code", is("300001"))
                    .body("userError.message", startsWith("Invalid input data"));
        }
        given().contentType(ContentType.JSON).header("Authorization", "Bearer " + superToken).body("{oops")
                .when().post(REGISTER_USER).then().statusCode(422).body("userError.code", is("300001"));
        given().contentType(ContentType.JSON).header("Authorization", "Bearer " + superToken)
                .when().post(REGISTER_USER).then().statusCode(422).body("userError.code", is("300001"));
        assertEquals(1, stored.count(tenant));
    }

    @Test
    void theSuperuserClaimInTheBodyIsIgnored() {
        registerUser(superToken, body("username", "wannabe", "password", "Pa55-wp-bw", "is_superuser", true,
                "isSuperuser", true)).statusCode(201).body("data.isSuperuser", is(false));
        assertEquals(false, stored.find(tenant, "wannabe").get("is_superuser"));
        registerUser(token("wannabe", "Pa55-wp-bw", tenant), body("username", "x", "password", "Pa55-y-000"))
                .statusCode(403).body("userError.code", is("200002"));
    }
}
