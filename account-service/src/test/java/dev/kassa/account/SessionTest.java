package dev.kassa.account;

import dev.kassa.common.test.KassaInfra;
import dev.kassa.common.test.TestTokens;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.kassa.account.Accounts.body;
import static dev.kassa.account.Accounts.login;
import static dev.kassa.account.Accounts.registerTenant;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/**
 * Sessions a back office can run: refresh tokens that rotate, logout, deactivation, password
 * changes and resets, the password policy, the user list, and the token checks every service
 * applies (issuer, audience, issue time, lifetime).
 */
@QuarkusTest
@WithTestResource(value = KassaInfra.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "db", value = "account"))
class SessionTest {
    static final String ME = "/api/v1/accounts/me";
    static final String USERS = "/api/v1/accounts/users";

    record Pair(String access, String refresh) {
    }

    static Pair pair(ValidatableResponse login) {
        Map<String, Object> answer = login.statusCode(200).extract().path("");
        assertEquals(java.util.Set.of("access_token", "token_type", "refresh_token", "expires_in"), answer.keySet());
        assertEquals("bearer", answer.get("token_type"));
        assertEquals(900, answer.get("expires_in"));
        return new Pair((String) answer.get("access_token"), (String) answer.get("refresh_token"));
    }

    static ValidatableResponse refresh(String refreshToken) {
        return given().contentType(ContentType.URLENC).formParam("grant_type", "refresh_token")
                .formParam("refresh_token", refreshToken).when().post(Accounts.TOKEN).then();
    }

    static ValidatableResponse me(String token) {
        return given().auth().oauth2(token).when().get(ME).then();
    }

    static void assertUnauthorized(ValidatableResponse response) {
        response.statusCode(401).body("success", is(false)).body("userError.code", is("200001"));
    }

    static void assertRefreshRefused(ValidatableResponse response) {
        response.statusCode(401).body("code", is(401)).body("userError.code", is("200001"))
                .body("message", is("Invalid, used or expired refresh token"));
    }

    static ValidatableResponse post(String token, String path, Map<String, Object> body) {
        var request = given().auth().oauth2(token).contentType(ContentType.JSON);
        if (body != null) {
            request.body(body);
        }
        return request.when().post(path).then();
    }

    @Test
    void aRefreshTokenRotatesAndItsReuseEndsTheSession() {
        String tenant = registerTenant("owner", "Shop-Secret-1");
        Pair first = pair(login("owner", "Shop-Secret-1", tenant));
        me(first.access()).statusCode(200).body("data.username", is("owner")).body("data.tenantId", is(tenant));

        Pair second = pair(refresh(first.refresh()));
        assertNotEquals(first.refresh(), second.refresh());
        me(second.access()).statusCode(200);
        Pair third = pair(refresh(second.refresh()));
        me(third.access()).statusCode(200);

        // The first refresh token again: someone holds a copy, so the whole session ends.
        assertRefreshRefused(refresh(first.refresh()));
        assertRefreshRefused(refresh(third.refresh()));
        assertUnauthorized(me(third.access()));
        assertUnauthorized(me(second.access()));
        assertUnauthorized(me(first.access()));

        // Another session of the same user is not touched, and garbage is just refused.
        Pair other = pair(login("owner", "Shop-Secret-1", tenant));
        me(other.access()).statusCode(200);
        assertRefreshRefused(refresh(tenant + ".not-a-token"));
        assertRefreshRefused(refresh("Tnobody." + "x".repeat(43)));
        given().contentType(ContentType.URLENC).formParam("grant_type", "refresh_token").when().post(Accounts.TOKEN)
                .then().statusCode(422).body("userError.code", is("300001"));
    }

    @Test
    void logoutRevokesTheAccessTokenAndTheRefreshToken() {
        String tenant = registerTenant("owner", "Shop-Secret-1");
        Pair session = pair(login("owner", "Shop-Secret-1", tenant));
        Pair rotated = pair(refresh(session.refresh()));
        Pair elsewhere = pair(login("owner", "Shop-Secret-1", tenant));

        post(rotated.access(), "/api/v1/accounts/logout", null).statusCode(200)
                .body("success", is(true)).body("operation", is("logout"));
        assertUnauthorized(me(rotated.access()));
        assertUnauthorized(me(session.access()));
        assertRefreshRefused(refresh(rotated.refresh()));
        assertUnauthorized(post(rotated.access(), "/api/v1/accounts/logout", null));
        me(elsewhere.access()).statusCode(200);
    }

    @Test
    void aDeactivatedUsersTokensStopWorkingAtOnce() {
        String tenant = registerTenant("owner", "Shop-Secret-1");
        String owner = pair(login("owner", "Shop-Secret-1", tenant)).access();
        Accounts.registerUser(owner, body("username", "clerk", "password", "Till-Secret-1")).statusCode(201);
        Pair clerk = pair(login("clerk", "Till-Secret-1", tenant));
        Pair clerkElsewhere = pair(login("clerk", "Till-Secret-1", tenant));
        me(clerk.access()).statusCode(200);

        // Only an owner deactivates, never itself, and only users of its own tenant.
        post(clerk.access(), USERS + "/owner/deactivate", null).statusCode(403);
        post(owner, USERS + "/owner/deactivate", null).statusCode(400).body("userError.code", is("408005"));
        String otherTenant = registerTenant("owner", "Shop-Secret-1");
        String otherOwner = pair(login("owner", "Shop-Secret-1", otherTenant)).access();
        post(otherOwner, USERS + "/clerk/deactivate", null).statusCode(404).body("userError.code", is("408006"));
        me(clerk.access()).statusCode(200);

        post(owner, USERS + "/clerk/deactivate", null).statusCode(200).body("data.isActive", is(false))
                .body("data.username", is("clerk"));
        assertUnauthorized(me(clerk.access()));
        assertUnauthorized(me(clerkElsewhere.access()));
        assertRefreshRefused(refresh(clerk.refresh()));
        TokenTest.assertRefused(login("clerk", "Till-Secret-1", tenant));

        post(owner, USERS + "/clerk/reactivate", null).statusCode(200).body("data.isActive", is(true));
        assertUnauthorized(me(clerk.access()));
        me(pair(login("clerk", "Till-Secret-1", tenant)).access()).statusCode(200);
    }

    @Test
    void passwordsFollowThePolicyEverywhereTheyAreSet() {
        Accounts.register(body("username", "boss", "password", "Short1", "tenant_id", Accounts.newTenantId()))
                .statusCode(400).body("code", is(400)).body("userError.code", is("408003"))
                .body("message", is("The password must be at least 8 characters long"));
        Accounts.register(body("username", "boss", "password", "my-BOSS-secret", "tenant_id", Accounts.newTenantId()))
                .statusCode(400).body("message", is("The password must not contain the username"));
        Accounts.register(body("username", "bossbossboss", "password", "BOSSBOSSBOSS", "tenant_id",
                Accounts.newTenantId())).statusCode(400).body("message", is("The password must not be the username"));

        String tenant = registerTenant("boss", "Chief-Pa55word");
        String boss = pair(login("boss", "Chief-Pa55word", tenant)).access();
        Accounts.registerUser(boss, body("username", "clerk", "password", "clerk123")).statusCode(400)
                .body("userError.code", is("408003"));
        Accounts.registerUser(boss, body("username", "clerk", "password", "Till-Secret-1")).statusCode(201);
        post(boss, USERS + "/clerk/password", body("new_password", "tiny")).statusCode(400)
                .body("userError.code", is("408003"));
        post(boss, "/api/v1/accounts/password", body("current_password", "Chief-Pa55word", "new_password", "boss-again-1"))
                .statusCode(400).body("userError.code", is("408003"));
        // Nothing was changed by the refusals.
        login("boss", "Chief-Pa55word", tenant).statusCode(200);
        login("clerk", "Till-Secret-1", tenant).statusCode(200);
    }

    @Test
    void changingOnesPasswordKeepsThisSessionAndEndsTheOthers() {
        String tenant = registerTenant("owner", "Shop-Secret-1");
        String owner = pair(login("owner", "Shop-Secret-1", tenant)).access();
        Accounts.registerUser(owner, body("username", "clerk", "password", "Till-Secret-1")).statusCode(201);
        Pair here = pair(login("clerk", "Till-Secret-1", tenant));
        Pair there = pair(login("clerk", "Till-Secret-1", tenant));

        post(here.access(), "/api/v1/accounts/password", body("current_password", "wrong-guess", "new_password",
                "Till-Secret-2")).statusCode(400).body("userError.code", is("408004"));
        post(here.access(), "/api/v1/accounts/password", body("currentPassword", "Till-Secret-1", "newPassword",
                "Till-Secret-2")).statusCode(200).body("data.username", is("clerk"))
                .body("data", not(org.hamcrest.Matchers.hasKey("hashedPassword")));
        me(here.access()).statusCode(200);
        assertUnauthorized(me(there.access()));
        assertRefreshRefused(refresh(there.refresh()));
        TokenTest.assertRefused(login("clerk", "Till-Secret-1", tenant));

        // The owner resets it: every session of the clerk ends, the new password works.
        post(owner, USERS + "/clerk/password", body("new_password", "Till-Secret-3")).statusCode(200);
        assertUnauthorized(me(here.access()));
        TokenTest.assertRefused(login("clerk", "Till-Secret-2", tenant));
        login("clerk", "Till-Secret-3", tenant).statusCode(200);
        // A clerk resets nobody's password.
        String clerk = pair(login("clerk", "Till-Secret-3", tenant)).access();
        post(clerk, USERS + "/owner/password", body("new_password", "Taken-Over-1")).statusCode(403);
        login("owner", "Shop-Secret-1", tenant).statusCode(200);
    }

    @Test
    void anOwnerListsTheUsersOfItsOwnTenantPageByPage() {
        String tenant = registerTenant("owner", "Shop-Secret-1");
        String owner = pair(login("owner", "Shop-Secret-1", tenant)).access();
        for (String name : List.of("carol", "alice", "bob")) {
            Accounts.registerUser(owner, body("username", name, "password", "Staff-Secret-1")).statusCode(201);
        }
        registerTenant("mallory", "Evil-Secret-1");

        given().auth().oauth2(owner).queryParam("limit", 2).when().get(USERS).then().statusCode(200)
                .body("data.username", contains("alice", "bob"))
                .body("data[0].password", nullValue()).body("data[0].hashedPassword", nullValue())
                .body("metadata.total", is(4)).body("metadata.page", is(1)).body("metadata.limit", is(2));
        given().auth().oauth2(owner).queryParam("limit", 2).queryParam("page", 2).when().get(USERS).then()
                .statusCode(200).body("data.username", contains("carol", "owner"));
        given().auth().oauth2(owner).queryParam("limit", 0).when().get(USERS).then().statusCode(422);

        String alice = pair(login("alice", "Staff-Secret-1", tenant)).access();
        given().auth().oauth2(alice).when().get(USERS).then().statusCode(403);
        given().when().get(USERS).then().statusCode(401);
    }

    @Test
    void tokensOfAnotherIssuerOrAudienceOrWithBadTimesAreRefused() {
        String tenant = registerTenant("owner", "Shop-Secret-1");
        long now = System.currentTimeMillis() / 1000;
        String good = TestTokens.user(tenant, "owner", TestTokens.ISSUER, TestTokens.AUDIENCE, now, now + 600);
        given().auth().oauth2(good).when().get(USERS).then().statusCode(200);

        for (String bad : List.of(
                TestTokens.user(tenant, "owner", "someone-else", TestTokens.AUDIENCE, now, now + 600),
                TestTokens.user(tenant, "owner", TestTokens.ISSUER, "another-app", now, now + 600),
                TestTokens.user(tenant, "owner", TestTokens.ISSUER, TestTokens.AUDIENCE, now + 300, now + 900),
                TestTokens.user(tenant, "owner", TestTokens.ISSUER, TestTokens.AUDIENCE, now - 60, now + 25 * 3600))) {
            assertUnauthorized(given().auth().oauth2(bad).when().get(USERS).then());
        }
        // A small clock skew is tolerated.
        String skewed = TestTokens.user(tenant, "owner", TestTokens.ISSUER, TestTokens.AUDIENCE, now + 5, now + 600);
        given().auth().oauth2(skewed).when().get(USERS).then().statusCode(200);
    }

}
