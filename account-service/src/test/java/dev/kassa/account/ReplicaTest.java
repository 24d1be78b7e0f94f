package dev.kassa.account;

import dev.kassa.common.test.KassaInfra;
import dev.kassa.common.test.SecondReplica;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static dev.kassa.account.Accounts.body;
import static dev.kassa.account.Accounts.login;
import static dev.kassa.account.Accounts.registerTenant;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two real replicas sharing PostgreSQL and Redis: this test's app (A, which signs) and the
 * packaged app in a second JVM (B), started with the public key only. B verifies A's tokens, and
 * a logout or a deactivation on either replica refuses the token on both at once.
 */
@QuarkusTest
@WithTestResource(value = KassaInfra.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "db", value = "account"))
class ReplicaTest {
    private static SecondReplica b;

    @BeforeEach
    void startReplicaB() throws Exception {
        Assumptions.assumeTrue(SecondReplica.available(), "No packaged app at " + SecondReplica.JAR
                + ": build the module (mvn verify builds it before the tests) to run the two-replica tests");
        if (b == null) {
            b = SecondReplica.start("replica-b", "account", Map.of(), false, "/");
        }
    }

    @AfterAll
    static void stopReplicaB() {
        if (b != null) {
            b.close();
            b = null;
        }
    }

    private static ValidatableResponse meOnA(String token) {
        return SessionTest.me(token);
    }

    private static ValidatableResponse meOnB(String token) {
        return given().port(b.port).auth().oauth2(token).when().get(SessionTest.ME).then();
    }

    @Test
    void aReplicaWithoutThePrivateKeyVerifiesTokens() {
        String tenant = registerTenant("owner", "Shop-Secret-1");
        String token = SessionTest.pair(login("owner", "Shop-Secret-1", tenant)).access();
        meOnB(token).statusCode(200).body("data.username", is("owner")).body("data.tenantId", is(tenant));
        // It refuses what it cannot verify, like any replica.
        SessionTest.assertUnauthorized(meOnB(dev.kassa.common.test.TestTokens.userSignedByStranger(tenant, "owner")));
        assertTrue(b.logText().contains("verifies only, private key not loaded"), "the replica holds no private key");
    }

    @Test
    void aLogoutOnOneReplicaHoldsOnBoth() {
        String tenant = registerTenant("owner", "Shop-Secret-1");
        SessionTest.Pair first = SessionTest.pair(login("owner", "Shop-Secret-1", tenant));
        SessionTest.Pair second = SessionTest.pair(login("owner", "Shop-Secret-1", tenant));
        meOnB(first.access()).statusCode(200);
        meOnA(second.access()).statusCode(200);

        SessionTest.post(first.access(), "/api/v1/accounts/logout", null).statusCode(200);
        SessionTest.assertUnauthorized(meOnB(first.access()));
        SessionTest.assertUnauthorized(meOnA(first.access()));

        given().port(b.port).auth().oauth2(second.access()).contentType(ContentType.JSON)
                .when().post("/api/v1/accounts/logout").then().statusCode(200);
        SessionTest.assertUnauthorized(meOnA(second.access()));
        SessionTest.assertRefreshRefused(SessionTest.refresh(second.refresh()));
    }

    @Test
    void aDeactivationOnOneReplicaHoldsOnBoth() {
        String tenant = registerTenant("owner", "Shop-Secret-1");
        String owner = SessionTest.pair(login("owner", "Shop-Secret-1", tenant)).access();
        Accounts.registerUser(owner, body("username", "clerk", "password", "Till-Secret-1")).statusCode(201);
        String clerk = SessionTest.pair(login("clerk", "Till-Secret-1", tenant)).access();
        meOnB(clerk).statusCode(200);

        given().port(b.port).auth().oauth2(owner).when().post(SessionTest.USERS + "/clerk/deactivate").then()
                .statusCode(200).body("data.isActive", is(false));
        SessionTest.assertUnauthorized(meOnA(clerk));
        SessionTest.assertUnauthorized(meOnB(clerk));
    }
}
