package dev.kassa.terminal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kassa.common.event.Topics;
import dev.kassa.common.test.KassaInfra;
import dev.kassa.terminal.support.Doubles;
import dev.kassa.terminal.support.TerminalTestBase;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Input past the bounds of {@code Limits} is a 422/300001 envelope with a short message, and changes nothing. */
@QuarkusTest
@WithTestResource(value = KassaInfra.class, initArgs = @ResourceArg(name = "db", value = "terminal"),
        scope = TestResourceScope.GLOBAL)
@WithTestResource(value = Doubles.class, scope = TestResourceScope.GLOBAL)
class InputBoundsTest extends TerminalTestBase {

    private static ValidatableResponse refused(ValidatableResponse r) {
        return r.statusCode(422).body("success", equalTo(false)).body("code", equalTo(422))
                .body("userError.code", equalTo("300001")).body("data", nullValue())
                .body("message.length()", lessThan(1_000));
    }

    @Test
    void hugeCashAmountsAreRefusedWithAShortMessageAndLogNothing() {
        String tenantId = tenantWithStore("5678");
        String terminalId = tenantId + "-5678-1";
        String apiKey = (String) createTerminal(tenantId, "5678", 1).get("apiKey");
        Doubles.staff(tenantId, "S001", "Staff1");
        withKey(apiKey).body(Map.of("staff_id", "S001")).post("/api/v1/terminals/{id}/sign-in", terminalId)
                .then().statusCode(200);
        clock.set(Instant.parse("2025-06-02T01:00:00Z"));
        withKey(apiKey).body(Map.of("initial_amount", 500)).post("/api/v1/terminals/{id}/open", terminalId)
                .then().statusCode(200);

        for (String amount : List.of("1e10000", "-1e100000", "1e100000", "0.00001", "1000000000000")) {
            refused(withKey(apiKey).body("{\"amount\":" + amount + ",\"description\":\"x\"}")
                    .post("/api/v1/terminals/{id}/cash-in", terminalId).then())
                    .body("message", containsString("amount"));
            refused(withKey(apiKey).body("{\"amount\":" + amount + "}")
                    .post("/api/v1/terminals/{id}/cash-out", terminalId).then());
        }
        refused(withKey(apiKey).body("{\"physical_amount\":1e10000}")
                .post("/api/v1/terminals/{id}/close", terminalId).then());
        withKey(apiKey).body(Map.of("amount", 100, "description", "float"))
                .post("/api/v1/terminals/{id}/cash-in", terminalId).then().statusCode(200);

        // The cash log holds the opening float and the one legal cash-in, nothing refused.
        List<JsonNode> cash = records(Topics.CASHLOG, terminalId, 2);
        assertEquals(2, cash.size());
        assertEquals("float", cash.get(1).path("description").asText());
        assertEquals(100, cash.get(1).path("amount").asInt());
        asUser(tenantId).get("/api/v1/terminals/{id}", terminalId).then().statusCode(200)
                .body("data.status", equalTo("Opened"));
    }

    @Test
    void aPageBeyondTheLastIs422NotANegativeOffset() {
        String tenantId = tenantWithStore("5678");
        refused(asUser(tenantId).queryParam("page", Integer.MAX_VALUE).queryParam("limit", 1000)
                .get("/api/v1/terminals").then()).body("message", containsString("page"));
        refused(asUser(tenantId).queryParam("page", Integer.MAX_VALUE).queryParam("limit", 1000)
                .get("/api/v1/tenants/{t}/stores", tenantId).then()).body("message", containsString("page"));
        asUser(tenantId).queryParam("page", 1_000_000).queryParam("limit", 1000)
                .get("/api/v1/tenants/{t}/stores", tenantId).then().statusCode(200).body("data", hasSize(0));
    }

    @Test
    void controlCharactersOverlongValuesAndListsAreRefusedAndNothingIsStored() {
        String tenantId = tenantWithStore("5678");
        refused(asUser(tenantId).body(Map.of("store_code", "9999", "store_name", "Other",
                "tags", Collections.nCopies(1_001, "t"))).post("/api/v1/tenants/{t}/stores", tenantId).then())
                .body("message", containsString("tags"));
        refused(asUser(tenantId).body(Map.of("store_code", "9999", "store_name", "Other",
                "tags", List.of("t".repeat(100_000)))).post("/api/v1/tenants/{t}/stores", tenantId).then());
        refused(asUser(tenantId).body(Map.of("store_code", "9999", "store_name", "Other", "status", "Idle\u0000"))
                .post("/api/v1/tenants/{t}/stores", tenantId).then()).body("message", containsString("status"));
        asUser(tenantId).get("/api/v1/tenants/{t}/stores", tenantId).then().statusCode(200)
                .body("metadata.total", equalTo(1));

        String apiKey = (String) createTerminal(tenantId, "5678", 1).get("apiKey");
        String terminalId = tenantId + "-5678-1";
        refused(withKey(apiKey).body(Map.of("staff_id", "S\u00001")).post("/api/v1/terminals/{id}/sign-in", terminalId)
                .then()).body("message", containsString("staffId"));
        refused(withKey(apiKey).body(Map.of("staff_id", "S".repeat(65))).post("/api/v1/terminals/{id}/sign-in", terminalId)
                .then()).body("message", containsString("staffId"));
        refused(withKey(apiKey).body(Map.of("function_mode", "Sales".repeat(1_000)))
                .patch("/api/v1/terminals/{id}/function_mode", terminalId).then());
        asUser(tenantId).get("/api/v1/terminals/{id}", terminalId).then().statusCode(200)
                .body("data.staff", nullValue());

        refused(asUser(tenantId).urlEncodingEnabled(false).get("/api/v1/terminals/" + tenantId + "-56%0078-1").then());
        refused(asUser(tenantId).get("/api/v1/terminals/" + "T".repeat(1_000)).then());
        refused(asUser(tenantId).urlEncodingEnabled(false).queryParam("store_code", "56%0078")
                .get("/api/v1/terminals").then()).body("message", containsString("store_code"));
    }
}
