package dev.kassa.account;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kassa.account.config.AccountConfig;
import dev.kassa.common.auth.Tokens;
import dev.kassa.common.test.KassaInfra;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static dev.kassa.account.Accounts.LOGIN_REFUSED;
import static dev.kassa.account.Accounts.TOKEN;
import static dev.kassa.account.Accounts.body;
import static dev.kassa.account.Accounts.login;
import static dev.kassa.account.Accounts.payload;
import static dev.kassa.account.Accounts.registerTenant;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@WithTestResource(value = KassaInfra.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "db", value = "account"))
class TokenTest {

    @Inject
    Tokens tokens;

    @Inject
    AccountConfig config;

    @Inject
    DataSource dataSource;

    StoredUsers stored;

    @BeforeEach
    void setUp() {
        stored = new StoredUsers(dataSource);
    }

    @Test
    void issuesAnUnenvelopedBearerTokenWithTheUserClaims() throws Exception {
        String tenant = registerTenant("chief", "Pa55-wp-feihc");
        assertEquals(null, stored.find(tenant, "chief").get("last_login"));
        Instant before = Instant.now().minusSeconds(1);

        Map<String, Object> answer = login("chief", "Pa55-wp-feihc", tenant)
                .statusCode(200)
                .contentType(ContentType.JSON)
                .body("token_type", is("bearer"))
                .extract().path("");
        assertEquals(Set.of("access_token", "token_type", "refresh_token", "expires_in"), answer.keySet());
        String jwt = (String) answer.get("access_token");

        // Signed with the installation's key (RS256) and verifiable by every service.
        assertEquals("RS256", Accounts.header(jwt).get("alg").asText());
        JsonWebToken verified = tokens.verify(jwt);
        assertEquals("chief", verified.getSubject());
        assertEquals("kassa", verified.getIssuer());
        assertEquals(Set.of("kassa"), verified.getAudience());
        assertEquals(tenant, verified.<Object>getClaim("tenant_id").toString().replace("\"", ""));

        // The claims exactly as any client reads them.
        JsonNode claims = payload(jwt);
        assertEquals(new TreeSet<>(Set.of("sub", "tenant_id", "is_superuser", "roles", "iss", "aud", "iat", "exp", "jti", "sid")),
                names(claims));
        assertEquals("chief", claims.get("sub").asText());
        assertEquals(tenant, claims.get("tenant_id").asText());
        assertTrue(claims.get("is_superuser").isBoolean());
        assertTrue(claims.get("is_superuser").asBoolean());
        assertEquals(List.of("owner"), strings(claims.get("roles")));
        assertEquals("kassa", claims.get("iss").asText());
        assertEquals(config.tokenLifetime().toSeconds(), claims.get("exp").asLong() - claims.get("iat").asLong());
        assertEquals(900, config.tokenLifetime().toSeconds());
        assertEquals(900, ((Number) answer.get("expires_in")).intValue());

        Instant lastLogin = (Instant) stored.find(tenant, "chief").get("last_login");
        assertNotNull(lastLogin);
        assertTrue(lastLogin.isAfter(before) && lastLogin.isBefore(Instant.now().plusSeconds(1)), lastLogin.toString());
    }

    @Test
    void acceptsTheGrantTypeOfTheOAuth2PasswordFlow() {
        String tenant = registerTenant("oauth", "Pa55-wp-htuao");
        given().contentType(ContentType.URLENC).formParam("grant_type", "password").formParam("username", "oauth")
                .formParam("password", "Pa55-wp-htuao").formParam("client_id", tenant).formParam("scope", "")
                .when().post(TOKEN).then().statusCode(200).body("token_type", is("bearer"));
        given().contentType(ContentType.URLENC).formParam("grant_type", "client_credentials")
                .formParam("username", "oauth").formParam("password", "Pa55-wp-htuao").formParam("client_id", tenant)
                .when().post(TOKEN).then().statusCode(422).body("userError.code", is("300001"))
                .body("userError.message", containsString("grant_type"));
    }

    @Test
    void everyWrongCredentialGetsTheSame401() {
        String tenant = registerTenant("keeper", "Pa55-wp-repeek");
        String unknownTenant = Accounts.newTenantId();
        List<ValidatableResponse> refusals = List.of(
                login("keeper", "Pa55-wp-gnorw", tenant),
                login("nobody", "Pa55-wp-repeek", tenant),
                login("keeper", "Pa55-wp-repeek", unknownTenant),
                login("keeper", "Pa55-wp-repeek", "not-a-tenant!"),
                login("keeper", "Pa55-wp-repeek", null),
                login("KEEPER", "Pa55-wp-repeek", tenant),
                login("keeper", "Pa55-WP-REPEEK", tenant));
        String first = null;
        for (ValidatableResponse refusal : refusals) {
            String raw = assertRefused(refusal).extract().asString();
            if (first == null) {
                first = raw;
            }
            assertEquals(first, raw);
        }
        assertEquals(false, stored.tenantRecorded(unknownTenant));
    }

    static ValidatableResponse assertRefused(ValidatableResponse response) {
        return response.statusCode(401)
                .header("WWW-Authenticate", "Bearer")
                .body("success", is(false))
                .body("code", is(401))
                .body("message", is(LOGIN_REFUSED))
                .body("userError.code", is("200001"))
                .body("userError.message", is(LOGIN_REFUSED))
                .body("data", nullValue())
                .body("metadata", nullValue())
                .body("operation", is("http_exception_handler"));
    }

    @Test
    void aUserOfOneTenantCannotLogInToAnother() {
        String tenantA = registerTenant("admin", "Pa55-a-fo-wp");
        String tenantB = registerTenant("admin", "Pa55-b-fo-wp");
        String onlyInA = "only-a";
        String superA = Accounts.token("admin", "Pa55-a-fo-wp", tenantA);
        Accounts.registerUser(superA, body("username", onlyInA, "password", "Pa55-a-ylno-wp")).statusCode(201);

        assertRefused(login("admin", "Pa55-a-fo-wp", tenantB));
        assertRefused(login(onlyInA, "Pa55-a-ylno-wp", tenantB));
        assertRefused(login("admin", "Pa55-b-fo-wp", tenantA));

        assertEquals(tenantB, payload(Accounts.token("admin", "Pa55-b-fo-wp", tenantB)).get("tenant_id").asText());
        assertEquals(tenantA, payload(Accounts.token(onlyInA, "Pa55-a-ylno-wp", tenantA)).get("tenant_id").asText());
    }

    @Test
    void anInactiveUserCannotLogIn() {
        String tenant = registerTenant("sleeper", "Pa55-wp-repeels");
        stored.update(tenant, "sleeper", "is_active = false");
        assertRefused(login("sleeper", "Pa55-wp-repeels", tenant));
        stored.update(tenant, "sleeper", "is_active = true");
        login("sleeper", "Pa55-wp-repeels", tenant).statusCode(200);
    }

    @Test
    void missingFieldsAre422() {
        given().contentType(ContentType.URLENC).formParam("username", "u").formParam("client_id", "T1")
                .when().post(TOKEN).then().statusCode(422)
                .body("success", is(false)).body("code", is(422))
                .body("userError.code", is("300001"))
                .body("userError.message", startsWith("Invalid input data"))
                .body("userError.message", containsString("password"));
        given().contentType(ContentType.URLENC).formParam("password", "p").formParam("client_id", "T1")
                .when().post(TOKEN).then().statusCode(422)
                .body("userError.code", is("300001"))
                .body("userError.message", containsString("username"));
    }

    @Test
    void aJsonBodyIsNotTheTokenForm() {
        given().contentType(ContentType.JSON).body(body("username", "u", "password", "p", "client_id", "T1"))
                .when().post(TOKEN).then().statusCode(415)
                .body("success", is(false)).body("userError.code", is("100003"));
        given().when().get(TOKEN).then().statusCode(405).body("userError.code", is("100002"));
    }

    @Test
    void theTokenOpensProtectedEndpoints() {
        String tenant = registerTenant("opener", "Pa55-wp-renepo");
        String jwt = Accounts.token("opener", "Pa55-wp-renepo", tenant);
        Accounts.registerUser(jwt, body("username", "opened", "password", "Pa55-wp-denepo")).statusCode(201);
    }

    private static Set<String> names(JsonNode node) {
        Set<String> out = new TreeSet<>();
        node.fieldNames().forEachRemaining(out::add);
        return out;
    }

    static List<String> strings(JsonNode array) {
        assertTrue(array.isArray(), String.valueOf(array));
        List<String> out = new java.util.ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
