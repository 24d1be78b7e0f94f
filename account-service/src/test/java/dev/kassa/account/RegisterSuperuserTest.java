package dev.kassa.account;

import dev.kassa.account.config.AccountConfig;
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
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static dev.kassa.account.Accounts.REGISTER;
import static dev.kassa.account.Accounts.body;
import static dev.kassa.account.Accounts.newTenantId;
import static dev.kassa.account.Accounts.register;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
@WithTestResource(value = KassaInfra.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "db", value = "account"))
class RegisterSuperuserTest {
    static final Set<String> USER_FIELDS = Set.of("username", "password", "hashedPassword", "tenantId",
            "isSuperuser", "isActive", "roles", "createdAt", "updatedAt", "lastLogin");
    static final Set<String> ENVELOPE_FIELDS = Set.of("success", "code", "message", "userError", "data",
            "metadata", "operation");

    @Inject
    DataSource dataSource;

    @Inject
    AccountConfig config;

    StoredUsers stored;

    @BeforeEach
    void setUp() {
        stored = new StoredUsers(dataSource);
    }

    @Test
    void registersTheSuperuserOfANamedTenant_snakeCaseBody() {
        String tenant = newTenantId();
        Instant before = Instant.now().minusSeconds(1);
        ExtractableResponse<Response> answer = register(body("username", "boss", "password", "Pa55-!terc3s", "tenant_id", tenant))
                .statusCode(201)
                .contentType(ContentType.JSON)
                .body("success", is(true))
                .body("code", is(201))
                .body("message", is("User registration successful"))
                .body("userError", nullValue())
                .body("metadata", nullValue())
                .body("operation", is("register_super_user"))
                .body("data.username", is("boss"))
                .body("data.password", is("*****"))
                .body("data.hashedPassword", startsWith("$2"))
                .body("data.tenantId", is(tenant))
                .body("data.isSuperuser", is(true))
                .body("data.isActive", is(true))
                .body("data.roles", contains("owner"))
                .body("data.updatedAt", nullValue())
                .body("data.lastLogin", nullValue())
                .extract();
        Map<String, Object> envelope = answer.path("");
        assertEquals(ENVELOPE_FIELDS, envelope.keySet());
        Map<String, Object> data = answer.path("data");
        assertEquals(USER_FIELDS, data.keySet());

        // Stored: a bcrypt hash (never the password), the same one the answer shows, in the tenant's schema.
        Map<String, Object> row = stored.find(tenant, "boss");
        String hash = (String) row.get("hashed_password");
        assertNotEquals("s3cret!", hash);
        assertTrue(hash.startsWith("$2"), hash);
        assertEquals(60, hash.length());
        assertTrue(hash.matches("\\$2[aby]?\\$%02d\\$.{53}".formatted(config.bcryptCost())), hash);
        assertEquals(hash, answer.path("data.hashedPassword"));
        assertEquals(true, row.get("is_superuser"));
        assertEquals(true, row.get("is_active"));
        assertEquals(List.of("owner"), row.get("roles"));
        assertEquals(Instant.parse(answer.path("data.createdAt")), row.get("created_at"));
        Instant created = (Instant) row.get("created_at");
        assertTrue(created.isAfter(before) && created.isBefore(Instant.now().plusSeconds(1)), created.toString());
        assertTrue(stored.schemaExists(tenant));
        assertTrue(stored.tenantRecorded(tenant));
        assertEquals(1, stored.count(tenant));
    }

    @Test
    void acceptsACamelCaseBody() {
        String tenant = newTenantId();
        register(body("username", "camel", "password", "Pa55-lemac-wp", "tenantId", tenant))
                .statusCode(201)
                .body("data.tenantId", is(tenant))
                .body("data.username", is("camel"));
        assertEquals("camel", stored.find(tenant, "camel").get("username"));
    }

    @Test
    void makesUpATenantIdWhenNoneIsGiven() {
        String first = register(body("username", "solo", "password", "Pa55-1wp")).statusCode(201)
                .body("data.tenantId", matchesPattern("[A-Z][0-9]{4}"))
                .body("data.isSuperuser", is(true))
                .extract().path("data.tenantId");
        String second = register(body("username", "solo", "password", "Pa55-2wp", "tenant_id", "")).statusCode(201)
                .body("data.tenantId", matchesPattern("[A-Z][0-9]{4}"))
                .extract().path("data.tenantId");
        assertNotEquals(first, second);
        assertTrue(stored.schemaExists(first));
        assertTrue(stored.tenantRecorded(second));
        assertEquals(1, stored.count(first));
        Accounts.token("solo", "Pa55-1wp", first);
        Accounts.token("solo", "Pa55-2wp", second);
    }

    @Test
    void refusesASecondSuperuserForAnExistingTenant() {
        String tenant = Accounts.registerTenant("first", "Pa55-tsrif-wp");
        register(body("username", "intruder", "password", "Pa55-x-wp", "tenant_id", tenant))
                .statusCode(400)
                .body("success", is(false))
                .body("code", is(400))
                .body("userError.code", is("408001"))
                .body("userError.message", startsWith("Tenant " + tenant + " already exists"))
                .body("data", nullValue())
                .body("operation", is("app_exception_handler"));
        // Same username again: still the tenant rule, and the first superuser keeps its password.
        register(body("username", "first", "password", "Pa55-rehto", "tenant_id", tenant))
                .statusCode(400).body("userError.code", is("408001"));
        assertEquals(1, stored.count(tenant));
        assertEquals(null, stored.find(tenant, "intruder"));
        Accounts.token("first", "Pa55-tsrif-wp", tenant);
        Accounts.login("first", "Pa55-rehto", tenant).statusCode(401);
    }

    @Test
    void concurrentRegistrationsOfOneTenantCreateOneSuperuser() throws Exception {
        String tenant = newTenantId();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<CompletableFuture<Integer>> calls = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                String name = "racer" + i;
                calls.add(CompletableFuture.supplyAsync(() -> register(
                        body("username", name, "password", "Pa55-wp-00", "tenant_id", tenant)).extract().statusCode(), pool));
            }
            List<Integer> statuses = new ArrayList<>();
            for (CompletableFuture<Integer> call : calls) {
                statuses.add(call.get());
            }
            assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
            assertEquals(3, statuses.stream().filter(s -> s == 400).count(), statuses.toString());
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, stored.count(tenant));
    }

    @Test
    void refusesAnInvalidTenantId() {
        for (String bad : List.of("9abc", "bad-tenant", "with space", "a".repeat(33), "x'; drop")) {
            register(body("username", "u", "password", "p", "tenant_id", bad))
                    .statusCode(400)
                    .body("success", is(false))
                    .body("code", is(400))
                    .body("userError.code", is("300003"))
                    .body("userError.message", startsWith("Invalid tenant id"));
        }
    }

    @Test
    void validationErrorsAre422() {
        String tenant = newTenantId();
        assertValidation(body("password", "p", "tenant_id", tenant), "username");
        assertValidation(body("username", "u", "tenant_id", tenant), "password");
        assertValidation(body("username", "   ", "password", "p", "tenant_id", tenant), "username");
        assertValidation(body("username", "u", "password", "", "tenant_id", tenant), "password");
        assertValidation(body("username", "u".repeat(129), "password", "p", "tenant_id", tenant), "username");
        assertValidation(body("username", "u", "password", "p".repeat(73), "tenant_id", tenant), "password");
        // 25 characters but 75 bytes: bcrypt would silently cut it, so it is refused.
        assertValidation(body("username", "u", "password", "€".repeat(25), "tenant_id", tenant), "password");
        assertValidation(body("username", "u", "password", "p", "tenant_id", tenant, "roles", "admin"), "roles");
        assertValidation(body("username", "u", "password", "p", "tenant_id", tenant, "roles", List.of("superuser")),
                "roles");
        assertValidation(body("username", "u", "password", "p", "tenant_id", tenant, "roles", List.of("bad role")),
                "roles");
        assertValidation(body("username", "u\u0007x", "password", "p", "tenant_id", tenant), "username");
        assertValidation(body("username", "u".repeat(100_000), "password", "p", "tenant_id", tenant), "username");
        assertValidation(body("username", "u", "password", "p".repeat(65), "tenant_id", tenant), "password");
        assertValidation(body("username", "u", "password", "p".repeat(1_000), "tenant_id", tenant), "password");
        assertValidation(body("username", "u", "password", "p", "tenant_id", tenant,
                "roles", Collections.nCopies(1_001, "cashier")), "roles");
        assertEquals(false, stored.tenantRecorded(tenant));
    }

    private static void assertValidation(Map<String, Object> body, String field) {
        register(body).statusCode(422)
                .body("success", is(false))
                .body("code", is(422))
                .body("userError.code", is("300001"))
                .body("userError.message", startsWith("Invalid input data"))
                .body("userError.message", containsString(field))
                .body("data", nullValue());
    }

    @Test
    void malformedOrMissingBodiesAre422() {
        given().contentType(ContentType.JSON).body("{\"username\": \"u\", \"password\": ").when().post(REGISTER)
                .then().statusCode(422).body("userError.code", is("300001")).body("success", is(false));
        given().contentType(ContentType.JSON).when().post(REGISTER)
                .then().statusCode(422).body("userError.code", is("300001"));
        given().contentType(ContentType.JSON).body("[1,2]").when().post(REGISTER)
                .then().statusCode(422).body("userError.code", is("300001"));
        given().contentType(ContentType.JSON).body("{\"username\": 5, \"password\": {}}").when().post(REGISTER)
                .then().statusCode(422).body("userError.code", is("300001"));
    }

    @Test
    void otherMediaTypesMethodsAndPaths() {
        given().contentType(ContentType.TEXT).body("username=u").when().post(REGISTER)
                .then().statusCode(415).body("success", is(false)).body("userError.code", is("100003"));
        given().when().get(REGISTER)
                .then().statusCode(405).body("userError.code", is("100002"));
        given().when().get("/api/v1/accounts/nothing-here")
                .then().statusCode(404).body("success", is(false)).body("code", is(404))
                .body("userError.code", is("100001"));
    }

    @Test
    void theResponseNeverShowsThePassword() {
        String tenant = newTenantId();
        String raw = register(body("username", "quiet", "password", "Pa55-321terceSyreV", "tenant_id", tenant))
                .statusCode(201).extract().asString();
        assertTrue(!raw.contains("VerySecret123"), raw);
        register(body("username", "quiet", "password", "Pa55-321terceSyreV", "tenant_id", tenant))
                .statusCode(400).body(not(containsString("VerySecret123")));
    }
}
