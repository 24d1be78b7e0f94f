package dev.kassa.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kassa.common.event.TranLog;
import dev.kassa.common.test.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

/** Kugel's "Receive Transactions": a tranlog posted over HTTP counts in the reports as one from the event stream. */
@QuarkusTest
class ReceiveTransactionsTest extends ReportTestBase {

    @Test
    void aPostedTranlogIsStoredOnceAndCountsInTheFlashReport() {
        String tenant = newTenant();
        ScriptedDay day = new ScriptedDay(tenant, STORE, 2);
        TranLog sale = day.apple(1, "2026-03-15T11:00:00.000+09:00");
        ObjectNode body = JSON.valueToTree(sale);
        body.remove("event_id"); // the transaction's own key names it
        String path = "/api/v1/tenants/" + tenant + "/stores/" + STORE + "/terminals/2/transactions";

        // bad input changes nothing: a 4xx in the envelope
        ObjectNode noNumber = body.deepCopy();
        noNumber.remove("transaction_no");
        asUser(tenant).body(json(noNumber)).post(path).then().statusCode(422).body("success", equalTo(false));
        ObjectNode otherStore = body.deepCopy();
        otherStore.put("store_code", "S9");
        asUser(tenant).body(json(otherStore)).post(path).then().statusCode(422).body("success", equalTo(false));
        // another tenant's user, and a terminal posting for another terminal, are refused
        String stranger = newTenant();
        asUser(stranger).body(json(body)).post(path).then().statusCode(400).body("userError.code", equalTo("200003"));
        given().contentType(ContentType.JSON).auth().oauth2(TestTokens.terminal(tenant, STORE, 3, Map.of()))
                .body(json(body)).post(path).then().statusCode(403);

        for (int i = 0; i < 2; i++) {
            given().contentType(ContentType.JSON).auth().oauth2(TestTokens.terminal(tenant, STORE, 2, Map.of()))
                    .body(json(body)).post(path).then().statusCode(201)
                    .body("success", equalTo(true)).body("code", equalTo(201))
                    .body("operation", equalTo("receive_transactions"))
                    .body("data.tenantId", equalTo(tenant)).body("data.storeCode", equalTo(STORE))
                    .body("data.terminalNo", equalTo(2)).body("data.transactionNo", equalTo(1));
        }

        JsonNode flash = data(asUser(tenant).queryParam("report_scope", "flash").queryParam("report_type", "sales")
                .queryParam("business_date", ScriptedDay.DATE)
                .get("/api/v1/tenants/" + tenant + "/stores/" + STORE + "/terminals/2/reports").then());
        figure(flash, "/salesGross", "110", 1, 1);
        amount(flash, "/payments/0/amount", "110");
    }

    /** The published document against the code: success statuses, typed answers, security (issue 13, wire item 8). */
    @org.junit.jupiter.api.Test
    void theOpenApiDocumentSaysWhatTheCodeDoes() throws Exception {
        dev.kassa.common.test.OpenApiContract.assertDocumentsTheCode("dev.kassa.report.rest");
        io.restassured.RestAssured.given().get("/health").then().statusCode(200)
                .body("service", org.hamcrest.Matchers.equalTo("report"))
                .body("checks.mongodb.status", org.hamcrest.Matchers.equalTo("healthy"))
                .body("checks.kafka.status", org.hamcrest.Matchers.equalTo("healthy"));
    }
}
