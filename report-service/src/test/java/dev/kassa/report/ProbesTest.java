package dev.kassa.report;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kassa.common.test.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;

/** Wrong callers and wrong input on every endpoint: a 4xx envelope, never another tenant's data. */
@QuarkusTest
class ProbesTest extends ReportTestBase {
    private static String tenant;
    private static String other;

    @BeforeEach
    void twoTenantsOneWithADay() {
        if (tenant != null) {
            return;
        }
        tenant = newTenant();
        other = newTenant();
        ScriptedDay day = new ScriptedDay(tenant, STORE, 1);
        publish(day.events());
        awaitAcks(ids(day.events()), 1);
    }

    private static final String REPORT_QUERY = "?report_scope=daily&report_type=sales&business_date="
            + ScriptedDay.DATE;
    private static final String DASHBOARD_QUERY = "?business_date_from=20260301&business_date_to=20260331";

    /** Every GET endpoint of a tenant, with good parameters. */
    private static List<String> endpoints(String t) {
        String store = "/api/v1/tenants/" + t + "/stores/" + STORE;
        return List.of(store + "/reports" + REPORT_QUERY, store + "/terminals/1/reports" + REPORT_QUERY,
                store + "/dashboards/top-items" + DASHBOARD_QUERY,
                store + "/dashboards/sales-by-hour" + DASHBOARD_QUERY,
                store + "/dashboards/payment-mix" + DASHBOARD_QUERY);
    }

    @Test
    void withoutGoodCredentialsEveryEndpointIs401() {
        for (String path : endpoints(tenant)) {
            refused(given().get(path).then(), 401, "200001");
            refused(given().auth().oauth2(TestTokens.expiredUser(tenant, "admin")).get(path).then(), 401, "200001");
            refused(given().auth().oauth2(TestTokens.userSignedByStranger(tenant, "admin")).get(path).then(), 401,
                    "200001");
            refused(given().header("X-API-KEY", "wrong").queryParam("terminal_id", tenant + "-S1-1").get(path).then(),
                    401, "200001");
        }
        refused(given().contentType(ContentType.JSON).body(Map.of("tenant_id", tenant)).post("/api/v1/tenants")
                .then(), 401, "200001");
    }

    @Test
    void anotherTenantsCallerGets400AndNoData() {
        for (String path : endpoints(tenant)) {
            refused(asUser(other).get(path).then(), 400, "200003");
            refused(asTerminal(other, STORE, 1).get(path).then(), 400, "200003");
            refused(withApiKey(other, STORE, 1).get(path).then(), 400, "200003");
        }
        refused(asUser(other).body(Map.of("tenant_id", tenant)).post("/api/v1/tenants").then(), 400, "200003");
        // The other tenant's own store of the same code is empty: nothing leaks across databases.
        for (String path : endpoints(other).subList(0, 2)) {
            figure(data(asUser(other).get(path.replace("daily", "flash")).then()), "/salesGross", "0", 0, 0);
        }
        JsonNode top = data(asUser(other).get(endpoints(other).get(2)).then());
        if (top.path("items").size() != 0) {
            throw new AssertionError("Top items of an empty tenant: " + top);
        }
    }

    @Test
    void aTerminalReadsItsOwnStoreOnly() {
        for (String path : endpoints(tenant)) {
            refused(asTerminal(tenant, "S2", 1).get(path).then(), 403, "200002");
            refused(withApiKey(tenant, "S2", 1).get(path).then(), 403, "200002");
        }
        refused(asTerminal(tenant, STORE, 1).contentType(ContentType.JSON).body(Map.of("tenant_id", tenant))
                .post("/api/v1/tenants").then(), 403, "200002");
    }

    @Test
    void anUnknownOrInvalidTenant() {
        String unknown = "Rnever" + System.nanoTime() % 100000;
        for (String path : endpoints(unknown)) {
            refused(asUser(unknown).get(path).then(), 404, "100001");
        }
        refused(asUser(tenant).get("/api/v1/tenants/bad-id!/stores/S1/reports" + REPORT_QUERY).then(), 400,
                "300003");
        refused(asUser("Tx").body(Map.of("tenant_id", "9bad")).post("/api/v1/tenants").then(), 400, "300003");
    }

    @Test
    void tenantSetUpIsIdempotentAndChecksItsBody() {
        asUser(tenant).body(Map.of("tenantId", tenant)).post("/api/v1/tenants").then().statusCode(201);
        given().contentType(ContentType.JSON).auth().oauth2(TestTokens.service("terminal", tenant))
                .body(Map.of("tenant_id", tenant)).post("/api/v1/tenants").then().statusCode(201);
        refused(asUser(tenant).body("{}").post("/api/v1/tenants").then(), 422, "300001");
        refused(asUser(tenant).body("").post("/api/v1/tenants").then(), 422, "300001");
        refused(asUser(tenant).body("{not json").post("/api/v1/tenants").then(), 422, "300001");
    }

    private RequestSpecification report() {
        return asUser(tenant);
    }

    private String reports() {
        return "/api/v1/tenants/" + tenant + "/stores/" + STORE + "/reports";
    }

    @Test
    void badReportParameters() {
        String path = reports();
        String terminal = "/api/v1/tenants/" + tenant + "/stores/" + STORE + "/terminals/1/reports";
        refused(report().get(path + "?report_scope=daily&report_type=stock&business_date=20260315").then(), 400,
                "412001");
        refused(report().get(path + "?report_scope=daily&business_date=20260315").then(), 422, "300001");
        refused(report().get(path + "?report_scope=weekly&report_type=sales&business_date=20260315").then(), 400,
                "412005");
        refused(report().get(path + "?report_type=sales&business_date=20260315").then(), 422, "300001");
        refused(report().get(path + "?report_scope=daily&report_type=sales").then(), 400, "412006");
        refused(report().get(path + "?report_scope=flash&report_type=sales&business_date_from=20260301"
                + "&business_date_to=20260331").then(), 400, "412006");
        refused(report().get(path + "?report_scope=daily&report_type=sales&business_date_from=20260301").then(),
                400, "412006");
        refused(report().get(path + "?report_scope=daily&report_type=sales&business_date_from=20260331"
                + "&business_date_to=20260301").then(), 400, "412006");
        refused(report().get(path + "?report_scope=daily&report_type=sales&business_date=2026-03-15").then(), 400,
                "412006");
        refused(report().get(path + "?report_scope=daily&report_type=sales&business_date=20260230").then(), 400,
                "412006");
        refused(report().get(path + REPORT_QUERY + "&open_counter=abc").then(), 422, "300001");
        refused(report().get(path + REPORT_QUERY + "&limit=0").then(), 422, "300001");
        refused(report().get(path + REPORT_QUERY + "&page=x").then(), 422, "300001");
        // A page past Limits.PAGE_MAX used to make a negative offset of the in-memory listing: 500.
        refused(report().get(path + "?report_scope=daily&report_type=category&business_date=20260315"
                + "&page=2147483647&limit=1000").then(), 422, "300001");
        refused(report().urlEncodingEnabled(false).get("/api/v1/tenants/" + tenant + "/stores/S%001/reports"
                + REPORT_QUERY).then(), 422, "300001");
        refused(report().get(path + "?report_scope=daily&report_type=category&business_date=20260315"
                + "&sort=bogus:1").then(), 400, "300002");
        refused(report().get(terminal.replace("/terminals/1/", "/terminals/one/") + REPORT_QUERY).then(), 422,
                "300001");
        // Kugel's default sort field is accepted; the sales report, which has no list, ignores any sort.
        data(report().get(path + "?report_scope=daily&report_type=payment&business_date=20260315"
                + "&sort=store_code:1").then());
        data(report().get(path + REPORT_QUERY + "&sort=transaction_no:-1").then());
    }

    @Test
    void badDashboardParameters() {
        String base = "/api/v1/tenants/" + tenant + "/stores/" + STORE + "/dashboards";
        for (String board : List.of("/top-items", "/sales-by-hour", "/payment-mix")) {
            refused(report().get(base + board).then(), 400, "412006");
            refused(report().get(base + board + "?business_date_from=20250101&business_date_to=20260331").then(),
                    400, "412006");
            refused(report().get(base + board + DASHBOARD_QUERY + "&terminal_no=x").then(), 422, "300001");
        }
        refused(report().get(base + "/top-items" + DASHBOARD_QUERY + "&by=price").then(), 422, "300001");
        refused(report().get(base + "/top-items" + DASHBOARD_QUERY + "&limit=101").then(), 422, "300001");
        refused(report().get(base + "/nothing" + DASHBOARD_QUERY).then(), 404, "100001");
    }
}
