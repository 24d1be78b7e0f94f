package dev.kassa.account;

import dev.kassa.account.config.AccountConfig;
import dev.kassa.common.test.KassaInfra;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static dev.kassa.account.Accounts.body;
import static dev.kassa.account.Accounts.registerTenant;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Logins are throttled per (tenant, username, client address) with growing waits, so guessing
 * from one address never locks the real user out from another. The test profile trusts
 * X-Forwarded-For (as a service behind a trusted proxy does), keeps 5 free failures and lengthens the first wait to 2 s
 * (doubling, at most 8 s) so a slow machine still sees it.
 */
@QuarkusTest
@WithTestResource(value = KassaInfra.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "db", value = "account"))
class LoginThrottleTest {
    static final String ATTACKER = "192.0.2.66";
    static final String OFFICE = "198.51.100.7";

    @Inject
    AccountConfig config;

    @Inject
    RedisDataSource redis;

    static ValidatableResponse loginFrom(String address, String username, String password, String tenant) {
        return given().contentType(ContentType.URLENC).header("X-Forwarded-For", address)
                .formParam("username", username).formParam("password", password).formParam("client_id", tenant)
                .when().post(Accounts.TOKEN).then();
    }

    @Test
    void theConfigurationIsTheOneUnderTest() {
        assertEquals(5, config.loginThrottle().freeFailures());
        assertEquals(Duration.ofSeconds(2), config.loginThrottle().baseDelay());
        assertEquals(Duration.ofSeconds(8), config.loginThrottle().maxDelay());
        assertEquals(5, config.registrationThrottle().maxPerAddress());
    }

    @Test
    void guessesFromOneAddressDoNotLockTheRealUserOutElsewhere() throws Exception {
        String tenant = registerTenant("target", "Right-Secret-1");
        int free = config.loginThrottle().freeFailures();

        for (int i = 1; i <= free; i++) {
            TokenTest.assertRefused(loginFrom(ATTACKER, "target", "guess-" + i, tenant));
        }
        // The first failure beyond the free ones earns a wait (2 s here); until it passes, nothing is checked.
        TokenTest.assertRefused(loginFrom(ATTACKER, "target", "guess-x", tenant));
        int first = retryAfter(assertThrottled(loginFrom(ATTACKER, "target", "Right-Secret-1", tenant)));
        assertTrue(first >= 1 && first <= 2, "first wait " + first);

        // The real user, from the office, is not affected at all, and keeps its own allowance.
        TokenTest.assertRefused(loginFrom(OFFICE, "target", "typo", tenant));
        loginFrom(OFFICE, "target", "Right-Secret-1", tenant).statusCode(200).body("token_type", is("bearer"));
        assertFalse(redis.key().exists(key(tenant, "target", OFFICE)), "a good login clears its address's count");

        // The attacker's next failure, once the wait is over, doubles it ...
        Thread.sleep(first * 1000L + 100);
        TokenTest.assertRefused(loginFrom(ATTACKER, "target", "guess-y", tenant));
        int second = retryAfter(assertThrottled(loginFrom(ATTACKER, "target", "guess-z", tenant)));
        assertTrue(second > first && second <= 4, "second wait " + second + " after " + first);
        long ttl = redis.key().pttl(key(tenant, "target", ATTACKER));
        assertTrue(ttl > config.loginThrottle().forgetAfter().toMillis(), "kept for the wait plus forget-after: " + ttl);

        // ... while the office still logs in at once.
        loginFrom(OFFICE, "target", "Right-Secret-1", tenant).statusCode(200);
    }

    @Test
    void unknownUsersAreThrottledLikeKnownOnes() {
        String tenant = registerTenant("real", "Genuine-Pw-1");
        for (int i = 0; i <= config.loginThrottle().freeFailures(); i++) {
            TokenTest.assertRefused(loginFrom(ATTACKER, "ghost", "guess-" + i, tenant));
        }
        assertThrottled(loginFrom(ATTACKER, "ghost", "guess", tenant));
        loginFrom(ATTACKER, "real", "Genuine-Pw-1", tenant).statusCode(200);
    }

    @Test
    void registrationsAreThrottledPerAddress() {
        String address = Accounts.someAddress();
        for (int i = 0; i < config.registrationThrottle().maxPerAddress(); i++) {
            // Tries count whether they succeed or not; these break the password policy and create nothing.
            registerFrom(address, "founder", "short", Accounts.newTenantId()).statusCode(400)
                    .body("userError.code", is("408003"));
        }
        String tenant = Accounts.newTenantId();
        registerFrom(address, "founder", "Founding-Secret-1", tenant).statusCode(429)
                .header("Retry-After", Integer::parseInt, org.hamcrest.Matchers.greaterThan(0))
                .body("code", is(429))
                .body("userError.code", is("200004"))
                .body("message", startsWith("Too many tenant registrations from this address"));
        TokenTest.assertRefused(Accounts.login("founder", "Founding-Secret-1", tenant));
        registerFrom(Accounts.someAddress(), "founder", "Founding-Secret-1", tenant).statusCode(201);
    }

    static ValidatableResponse registerFrom(String address, String username, String password, String tenant) {
        return given().contentType(ContentType.JSON).header("X-Forwarded-For", address)
                .body(body("username", username, "password", password, "tenant_id", tenant))
                .when().post(Accounts.REGISTER).then();
    }

    private static String key(String tenant, String username, String address) {
        return "account:login-failures:" + tenant + ":" + address + ":" + username;
    }

    private static int retryAfter(ValidatableResponse response) {
        return Integer.parseInt(response.extract().header("Retry-After"));
    }

    private ValidatableResponse assertThrottled(ValidatableResponse response) {
        return response.statusCode(429)
                .header("Retry-After", Integer::parseInt, org.hamcrest.Matchers.greaterThan(0))
                .body("success", is(false))
                .body("code", is(429))
                .body("message", startsWith("Too many failed login attempts"))
                .body("userError.code", is("200004"))
                .body("userError.message", startsWith("Too many failed login attempts"))
                .body("data", nullValue())
                .body("operation", is("http_exception_handler"));
    }
}
