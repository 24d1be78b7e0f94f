package dev.kassa.account;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kassa.common.auth.Tokens;
import dev.kassa.common.test.KassaInfra;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** kugel-flows.md §1 steps 1 and 2, sent exactly as Kugel's own tests send them. */
@QuarkusTest
@WithTestResource(value = KassaInfra.class, scope = TestResourceScope.GLOBAL,
        initArgs = @ResourceArg(name = "db", value = "account"))
class KugelFlowTest {

    @Inject
    Tokens tokens;

    @Test
    void bootstrapStepsOneAndTwo() throws Exception {
        // Step 1: POST :8000/api/v1/accounts/register (no auth)
        // From an address of its own: registrations are throttled per address.
        given().contentType(ContentType.JSON).header("X-Forwarded-For", Accounts.someAddress())
                .body("{\"username\":\"admin\",\"password\":\"Kugel-Pa55\",\"tenant_id\":\"T9999\"}")
                .when().post("/api/v1/accounts/register")
                .then().statusCode(201)
                .body("success", is(true))
                .body("code", is(201))
                .body("data.username", is("admin"))
                .body("data.tenantId", is("T9999"))
                .body("data.isSuperuser", is(true))
                .body("data.isActive", is(true))
                .body("data.hashedPassword", startsWith("$2"))
                .body("data.createdAt", notNullValue());

        // Step 2: POST :8000/api/v1/accounts/token, form username=admin&password=Kugel-Pa55&client_id=T9999
        Map<String, Object> answer = given().contentType(ContentType.URLENC)
                .body("username=admin&password=Kugel-Pa55&client_id=T9999")
                .when().post("/api/v1/accounts/token")
                .then().statusCode(200)
                .body("token_type", is("bearer"))
                .extract().path("");
        assertEquals(Set.of("access_token", "token_type", "refresh_token", "expires_in"), answer.keySet(),
                "no envelope: Kugel's two fields and the standard OAuth2 two");

        String jwt = (String) answer.get("access_token");
        JsonWebToken verified = tokens.verify(jwt);
        assertEquals("admin", verified.getSubject());
        JsonNode claims = Accounts.payload(jwt);
        assertEquals("admin", claims.get("sub").asText());
        assertEquals("T9999", claims.get("tenant_id").asText());
        assertTrue(claims.get("is_superuser").asBoolean());
        assertTrue(claims.get("exp").asLong() > System.currentTimeMillis() / 1000);
    }

    /** The published document against the code: success statuses, typed answers, security (issue 13, wire item 8). */
    @org.junit.jupiter.api.Test
    void theOpenApiDocumentSaysWhatTheCodeDoes() throws Exception {
        dev.kassa.common.test.OpenApiContract.assertDocumentsTheCode("dev.kassa.account.rest");
    }
}
