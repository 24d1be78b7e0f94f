package dev.kassa.common.platformtest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.LogConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class EnvelopeAndErrorsTest extends PlatformTestBase {
    static String tenant;

    @BeforeEach
    void tenant() {
        if (tenant == null) {
            tenant = newTenant();
        }
    }

    @Test
    void successIsEnvelopedInCamelCaseAndAcceptsEitherCasingIn() {
        as(tenant).body("{\"text\":\"snake\",\"quantity_ordered\":2}").post("/api/v1/tenants/" + tenant + "/notes")
                .then().statusCode(201)
                .body("success", equalTo(true)).body("code", equalTo(201)).body("userError", nullValue())
                .body("operation", equalTo("create_note"))
                .body("data.text", equalTo("snake")).body("data.quantityOrdered", equalTo(2))
                .body("data.quantity_ordered", nullValue());
        as(tenant).body("{\"text\":\"camel\",\"quantityOrdered\":3}").post("/api/v1/tenants/" + tenant + "/notes")
                .then().statusCode(201).body("data.quantityOrdered", equalTo(3));
    }

    @Test
    void malformedJsonIs422() {
        as(tenant).body("{\"text\": \"x\", ").post("/api/v1/tenants/" + tenant + "/notes")
                .then().statusCode(422).body("success", equalTo(false)).body("code", equalTo(422))
                .body("userError.code", equalTo("300001")).body("message", containsString("Invalid input data"))
                .body("data", nullValue());
    }

    @Test
    void wrongTypesAre422() {
        as(tenant).body("{\"text\":\"x\",\"quantityOrdered\":\"many\"}").post("/api/v1/tenants/" + tenant + "/notes")
                .then().statusCode(422).body("userError.code", equalTo("300001"))
                .body("message", containsString("quantityOrdered"));
        as(tenant).body("{\"text\":\"x\",\"quantityOrdered\":2.5}").post("/api/v1/tenants/" + tenant + "/notes")
                .then().statusCode(422).body("userError.code", equalTo("300001"));
        as(tenant).body("[1,2]").post("/api/v1/tenants/" + tenant + "/notes")
                .then().statusCode(422).body("userError.code", equalTo("300001"));
    }

    @Test
    void missingFieldsAndBodyAre422() {
        as(tenant).body("{\"text\":\"x\"}").post("/api/v1/tenants/" + tenant + "/notes")
                .then().statusCode(422).body("userError.code", equalTo("300001"))
                .body("message", containsString("quantityOrdered"));
        as(tenant).body("{}").post("/api/v1/tenants/" + tenant + "/notes")
                .then().statusCode(422).body("message", allOf(containsString("text"), containsString("quantityOrdered")));
        as(tenant).post("/api/v1/tenants/" + tenant + "/notes")
                .then().statusCode(422).body("userError.code", equalTo("300001"));
        as(tenant).body("{\"text\":\"x\",\"quantityOrdered\":0}").post("/api/v1/tenants/" + tenant + "/notes")
                .then().statusCode(422).body("message", containsString("quantityOrdered"));
    }

    @Test
    void unknownRouteIs404AndWrongMethodIs405() {
        as(tenant).get("/api/v1/nothing-here").then().statusCode(404)
                .body("success", equalTo(false)).body("userError.code", equalTo("100001"));
        as(tenant).delete("/api/v1/tenants/" + tenant + "/notes").then().statusCode(405)
                .body("success", equalTo(false)).body("code", equalTo(405)).body("userError.code", equalTo("100002"));
    }

    @Test
    void unknownRecordIs404() {
        as(tenant).get("/api/v1/tenants/" + tenant + "/notes/999999").then().statusCode(404)
                .body("userError.code", equalTo("100001"));
        as(tenant).get("/api/v1/tenants/" + tenant + "/notes/not-a-number").then().statusCode(404);
    }

    @Test
    void pagingSortsOnWhitelistedFieldsOnly() {
        String t = newTenant();
        for (int i = 1; i <= 5; i++) {
            as(t).body(Map.of("text", "n" + i, "quantityOrdered", 10 - i)).post("/api/v1/tenants/" + t + "/notes")
                    .then().statusCode(201);
        }
        as(t).queryParam("page", 2).queryParam("limit", 2).queryParam("sort", "qty:1")
                .get("/api/v1/tenants/" + t + "/notes").then().statusCode(200)
                .body("data", hasSize(2)).body("data[0].quantityOrdered", equalTo(7))
                .body("data[1].quantityOrdered", equalTo(8))
                .body("metadata.total", equalTo(5)).body("metadata.page", equalTo(2))
                .body("metadata.limit", equalTo(2)).body("metadata.sort", equalTo("qty:1"));
        as(t).queryParam("sort", "password:1").get("/api/v1/tenants/" + t + "/notes").then().statusCode(400)
                .body("userError.code", equalTo("300002")).body("message", containsString("password"));
        as(t).queryParam("sort", "qty:up").get("/api/v1/tenants/" + t + "/notes").then().statusCode(400);
        as(t).queryParam("limit", 0).get("/api/v1/tenants/" + t + "/notes").then().statusCode(422);
        as(t).queryParam("page", "x").get("/api/v1/tenants/" + t + "/notes").then().statusCode(not(500));
    }

    @Test
    void aPageBeyondTheLastPossibleOneIs422NotANegativeOffset() {
        as(tenant).queryParam("page", Integer.MAX_VALUE).queryParam("limit", 1000)
                .get("/api/v1/tenants/" + tenant + "/notes").then().statusCode(422)
                .body("success", equalTo(false)).body("userError.code", equalTo("300001"))
                .body("message", containsString("page"));
        as(tenant).queryParam("page", 1_000_000).queryParam("limit", 1000)
                .get("/api/v1/tenants/" + tenant + "/notes").then().statusCode(200).body("data", hasSize(0));
        as(tenant).queryParam("page", 1_000_001).get("/api/v1/tenants/" + tenant + "/notes").then().statusCode(422);
    }

    @Test
    void deeplyNestedJsonIs422() {
        String deep = "[".repeat(100_000) + "]".repeat(100_000);
        assertRefused(unprinted(tenant).body(deep).post("/api/v1/tenants/" + tenant + "/notes").andReturn());
        String deepInField = "{\"text\":\"x\",\"quantityOrdered\":1,\"extra\":" + "{\"a\":".repeat(5_000) + "1"
                + "}".repeat(5_000) + "}";
        assertRefused(unprinted(tenant).body(deepInField).post("/api/v1/tenants/" + tenant + "/notes").andReturn());
    }

    @Test
    void aTenMegabyteStringIs422AndNothingIsStored() {
        String t = newTenant();
        String huge = "x".repeat(10_000_000);
        var answer = unprinted(t).body("{\"text\":\"" + huge + "\",\"quantityOrdered\":1}")
                .post("/api/v1/tenants/" + t + "/notes").andReturn();
        assertRefused(answer);
        as(t).get("/api/v1/tenants/" + t + "/notes").then().statusCode(200).body("metadata.total", equalTo(0));
    }

    /** A request whose body the test's request log does not pretty-print: 100,000 levels of indent fill any heap. */
    private static io.restassured.specification.RequestSpecification unprinted(String tenant) {
        return as(tenant).config(RestAssuredConfig.config().logConfig(LogConfig.logConfig().enablePrettyPrinting(false)));
    }

    /** A 422 envelope of 300001 with a short message. */
    private static void assertRefused(io.restassured.response.Response answer) {
        String body = answer.asString();
        assertTrue(body.length() < 2_000, "answer of " + body.length() + " characters");
        assertEquals(422, answer.statusCode(), body);
        assertTrue(body.contains("\"success\":false") && body.contains("\"300001\""), body);
    }

    @Test
    void aNumberOfAThousandDigitsIs422WithAShortMessage() {
        as(tenant).body("{\"text\":\"x\",\"quantityOrdered\":" + "9".repeat(5_000) + "}")
                .post("/api/v1/tenants/" + tenant + "/notes")
                .then().statusCode(422).body("userError.code", equalTo("300001"))
                .body("message.length()", lessThan(1_000));
    }

    @Test
    void controlCharactersAndOverlongCodesInPathsAndQueriesAre422() {
        String notes = "/api/v1/tenants/" + tenant + "/notes/by-code/";
        as(tenant).get(notes + "N1").then().statusCode(404).body("userError.code", equalTo("100001"));
        as(tenant).urlEncodingEnabled(false).get(notes + "N%001").then().statusCode(422)
                .body("success", equalTo(false)).body("userError.code", equalTo("300001"))
                .body("message", containsString("note_code"));
        as(tenant).get(notes + "N".repeat(65)).then().statusCode(422).body("userError.code", equalTo("300001"))
                .body("message", containsString("note_code")).body("message.length()", lessThan(1_000));
        as(tenant).get(notes + "N".repeat(64)).then().statusCode(404);
        as(tenant).queryParam("store_code", "S\u0000").get(notes + "N1").then().statusCode(422)
                .body("message", containsString("store_code"));
        as(tenant).queryParam("store_code", "S".repeat(65)).get(notes + "N1").then().statusCode(422);
        as(tenant).queryParam("text", "line\nbreak").get(notes + "N1").then().statusCode(422)
                .body("message", containsString("text"));
        as(tenant).queryParam("text", "t".repeat(1_001)).get(notes + "N1").then().statusCode(422);
        as(tenant).queryParam("text", "t".repeat(1_000)).get(notes + "N1").then().statusCode(404);
    }

    @Test
    void anAnswerThatCannotBeWrittenIs500NotTheClientsFault() {
        as(tenant).get("/api/v1/tenants/" + tenant + "/unwritable").then().statusCode(500)
                .body("success", equalTo(false)).body("userError.code", equalTo("900999"));
    }

    @Test
    void invalidTenantIdIs400AndUnknownTenantIs404() {
        given().contentType(ContentType.JSON).auth().oauth2(dev.kassa.common.test.TestTokens.user("bad-id", "a", true))
                .get("/api/v1/tenants/bad-id/notes").then().statusCode(400)
                .body("userError.code", equalTo("300003"));
        as("Nobody1").get("/api/v1/tenants/Nobody1/notes").then().statusCode(404)
                .body("message", containsString("Nobody1"));
    }

    @Test
    void healthAndRootAnswerInTheContractShape() {
        given().get("/health").then().statusCode(200).body("status", equalTo("healthy"))
                .body("service", equalTo("platformtest")).body("version", equalTo("1.0.0"))
                .body("timestamp", notNullValue())
                // one entry per dependency under its own name, each a real check of Quarkus
                .body("checks.postgresql.status", equalTo("healthy"))
                .body("checks.postgresql.details", org.hamcrest.Matchers.aMapWithSize(
                        org.hamcrest.Matchers.greaterThanOrEqualTo(1)))
                .body("checks.kafka.status", equalTo("healthy"))
                .body("checks.mongodb.status", equalTo("healthy"))
                .body("checks.redis.status", equalTo("healthy"))
                .body("checks.postgresql.response_time_ms", notNullValue())
                // Kugel's background_jobs entry: the outbox relay is this app's job
                .body("checks.background_jobs.status", equalTo("healthy"))
                .body("checks.background_jobs.details.scheduler_running", equalTo(true))
                .body("checks.background_jobs.details.job_count", equalTo(1))
                .body("checks.background_jobs.details.job_names", org.hamcrest.Matchers.contains("outbox-relay"));
        given().get("/").then().statusCode(200).body("message", containsString("supported version: v1"));
        given().get("/q/health/ready").then().statusCode(200);
    }

    /** The published document against the code: success statuses, typed answers, security (issue 13, wire item 8). */
    @org.junit.jupiter.api.Test
    void theOpenApiDocumentSaysWhatTheCodeDoes() throws Exception {
        dev.kassa.common.test.OpenApiContract.assertDocumentsTheCode("dev.kassa.common.platformtest");
    }
}
