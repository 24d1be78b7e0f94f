package dev.kassa.account;

import dev.kassa.account.config.AccountConfig;
import dev.kassa.common.test.KassaInfra;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static dev.kassa.account.Accounts.body;
import static dev.kassa.account.Accounts.login;
import static dev.kassa.account.Accounts.registerTenant;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The test profile keeps the default limit (5) and shortens the window to 3 s. */
@QuarkusTest
@WithTestResource(value = KassaInfra.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "db", value = "account"))
class LoginThrottleTest {

    @Inject
    AccountConfig config;

    @Inject
    RedisDataSource redis;

    int limit() {
        return config.loginThrottle().maxFailures();
    }

    Duration window() {
        return config.loginThrottle().window();
    }

    @Test
    void theConfigurationIsTheOneUnderTest() {
        assertEquals(5, limit());
        assertEquals(Duration.ofSeconds(3), window());
    }

    @Test
    void repeatedFailuresAreRefusedUntilTheWindowEnds() throws Exception {
        String tenant = registerTenant("target", "right-pw");
        String key = "account:login-failures:" + tenant + ":target";

        for (int i = 1; i <= limit(); i++) {
            TokenTest.assertRefused(login("target", "guess-" + i, tenant));
            assertEquals(String.valueOf(i), redis.value(String.class).get(key));
            long ttl = redis.key().pttl(key);
            assertTrue(ttl > 0 && ttl <= window().toMillis(), "ttl " + ttl);
        }

        // Locked: the right password does not help, and the answer tells when to come back.
        assertThrottled(login("target", "right-pw", tenant));
        assertThrottled(login("target", "guess-again", tenant));

        // The same name in another tenant is not affected.
        login("target", "right-pw", registerTenant("target", "right-pw")).statusCode(200);

        Thread.sleep(window().toMillis() + 300);
        login("target", "right-pw", tenant).statusCode(200).body("token_type", is("bearer"));
        assertEquals(null, redis.value(String.class).get(key), "a good login resets the count");

        // After the reset, the user again has the full allowance.
        for (int i = 1; i < limit(); i++) {
            TokenTest.assertRefused(login("target", "guess-" + i, tenant));
        }
        login("target", "right-pw", tenant).statusCode(200);
        TokenTest.assertRefused(login("target", "one-more-guess", tenant));
        assertEquals("1", redis.value(String.class).get(key));
    }

    @Test
    void unknownUsersAreThrottledLikeKnownOnes() {
        String tenant = registerTenant("real", "real-pw");
        for (int i = 0; i < limit(); i++) {
            TokenTest.assertRefused(login("ghost", "guess-" + i, tenant));
        }
        assertThrottled(login("ghost", "guess", tenant));
        login("real", "real-pw", tenant).statusCode(200);
    }

    @Test
    void anotherUserOfTheTenantIsNotLockedOut() {
        String tenant = registerTenant("chief", "chief-pw");
        String chief = Accounts.token("chief", "chief-pw", tenant);
        Accounts.registerUser(chief, body("username", "clerk", "password", "clerk-pw")).statusCode(201);
        for (int i = 0; i < limit(); i++) {
            TokenTest.assertRefused(login("clerk", "guess-" + i, tenant));
        }
        assertThrottled(login("clerk", "clerk-pw", tenant));
        login("chief", "chief-pw", tenant).statusCode(200);
        String other = registerTenant("clerk", "clerk-pw");
        login("clerk", "clerk-pw", other).statusCode(200);
    }

    private ValidatableResponse assertThrottled(ValidatableResponse response) {
        return response.statusCode(429)
                .header("Retry-After", Integer::parseInt,
                        allOf(greaterThanOrEqualTo(1), lessThanOrEqualTo((int) window().toSeconds())))
                .body("success", is(false))
                .body("code", is(429))
                .body("message", startsWith("Too many failed login attempts"))
                .body("userError.code", is("200004"))
                .body("userError.message", startsWith("Too many failed login attempts"))
                .body("data", nullValue())
                .body("operation", is("http_exception_handler"));
    }
}
