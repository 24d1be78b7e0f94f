package dev.kassa.account;

import dev.kassa.common.test.KassaInfra;
import dev.kassa.common.test.RoleTable;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.Map;

import static dev.kassa.account.Accounts.body;
import static dev.kassa.account.Accounts.payload;
import static dev.kassa.account.Accounts.registerTenant;
import static dev.kassa.account.Accounts.registerUser;
import static dev.kassa.account.Accounts.token;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Roles: the role table over every account operation, and an owner assigning roles that the next token carries. */
@QuarkusTest
@WithTestResource(value = KassaInfra.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "db", value = "account"))
class RolesTest {

    @Test
    void everyOperationAnswersEachRoleAsTheTableSays() {
        RoleTable.of("account", URI.create("http://localhost:" + RestAssured.port), RoleTable.unusedTenant()).check();
    }

    @Test
    void anOwnerAssignsRolesThatTheNextTokenCarries() {
        String tenant = registerTenant("boss", "Pa55-owner-pw");
        String owner = token("boss", "Pa55-owner-pw", tenant);
        assertEquals(List.of("owner"), TokenTest.strings(payload(owner).get("roles")));
        registerUser(owner, body("username", "clerk", "password", "Pa55-till-pw")).statusCode(201)
                .body("data.roles", contains("cashier"));
        String cashier = token("clerk", "Pa55-till-pw", tenant);
        assertEquals(List.of("cashier"), TokenTest.strings(payload(cashier).get("roles")));

        // A cashier, and then a manager, may neither assign roles nor add users.
        assign(cashier, tenant, "clerk", List.of("owner")).statusCode(403).body("userError.code", equalTo("200002"));
        assign(owner, tenant, "clerk", List.of("manager")).statusCode(200)
                .body("success", equalTo(true)).body("operation", equalTo("assign_user_roles"))
                .body("data.username", equalTo("clerk")).body("data.roles", contains("manager"))
                .body("data.password", equalTo("*****"));
        String manager = token("clerk", "Pa55-till-pw", tenant);
        assertEquals(List.of("manager"), TokenTest.strings(payload(manager).get("roles")));
        assign(manager, tenant, "clerk", List.of("owner")).statusCode(403);
        registerUser(manager, body("username", "x", "password", "Pa55-word-9")).statusCode(403)
                .body("userError.code", equalTo("200002"));

        // An owner made by assignment adds users; the superuser stays an owner whatever it is given.
        assign(owner, tenant, "clerk", List.of("owner", "viewer")).statusCode(200)
                .body("data.roles", contains("owner", "viewer"));
        registerUser(token("clerk", "Pa55-till-pw", tenant), body("username", "third", "password", "Pa55-word-3"))
                .statusCode(201);
        assign(owner, tenant, "boss", List.of("viewer")).statusCode(200).body("data.roles", contains("owner", "viewer"));
        assertEquals(List.of("owner", "viewer"),
                TokenTest.strings(payload(token("boss", "Pa55-owner-pw", tenant)).get("roles")));
    }

    @Test
    void badAssignmentsChangeNothing() {
        String tenant = registerTenant("boss", "Pa55-owner-pw");
        String owner = token("boss", "Pa55-owner-pw", tenant);
        registerUser(owner, body("username", "clerk", "password", "Pa55-till-pw")).statusCode(201);
        for (Object roles : List.of(List.of("manger"), List.of("superuser"), List.of("user"), Map.of("a", 1))) {
            given().contentType(ContentType.JSON).auth().oauth2(owner).body(Map.of("roles", roles))
                    .put(path(tenant, "clerk")).then().statusCode(422).body("userError.code", equalTo("300001"));
        }
        given().contentType(ContentType.JSON).auth().oauth2(owner).body(Map.of())
                .put(path(tenant, "clerk")).then().statusCode(422).body("userError.code", equalTo("300001"));
        assign(owner, tenant, "nobody", List.of("viewer")).statusCode(404).body("data", nullValue());
        String other = registerTenant("boss", "Pa55-owner-pw");
        assign(owner, other, "boss", List.of("viewer")).statusCode(400).body("userError.code", equalTo("200003"));
        given().contentType(ContentType.JSON).body(Map.of("roles", List.of("owner")))
                .put(path(tenant, "clerk")).then().statusCode(401);
        assertEquals(List.of("cashier"), TokenTest.strings(payload(token("clerk", "Pa55-till-pw", tenant)).get("roles")));
        assertEquals(List.of("owner"), TokenTest.strings(payload(token("boss", "Pa55-owner-pw", other)).get("roles")));
    }

    private static String path(String tenant, String username) {
        return "/api/v1/accounts/tenants/" + tenant + "/users/" + username + "/roles";
    }

    private static ValidatableResponse assign(String bearer, String tenant, String username, List<String> roles) {
        return given().contentType(ContentType.JSON).auth().oauth2(bearer).body(Map.of("roles", roles))
                .put(path(tenant, username)).then();
    }
}
