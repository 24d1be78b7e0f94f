package dev.kassa.journal;

import dev.kassa.common.test.FakeTerminalService;
import dev.kassa.common.event.Topics;
import dev.kassa.common.test.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every filter of the journal search against one known day of store S1 (11 entries over three
 * terminals and two business dates), plus an entry of store S2 and one of another tenant that
 * must never show. Expected lists are in the default order, by generate date-time as an instant.
 */
@QuarkusTest
class JournalSearchTest extends JournalTestBase {
    static String tenant;
    static String other;

    // The entries of S1, named by their journal text, in instant order.
    static final String OPEN = "OPEN";                 // 2025-12-31T23:00Z, t1, 301, 20260101
    static final String CASH_IN = "CASH IN";           // 00:30Z, t1, 401
    static final String CASH_OUT = "CASH OUT";         // 00:45Z, t1, 402
    static final String SALE = "SALE 49-01 Apple";     // 01:00Z, t1, 101, receipt 1001
    static final String CANCEL = "CANCEL (x) 49-02";   // 01:30Z, t1, -101, receipt 1002
    static final String FLASH = "FLASH REPORT";        // 03:00Z, t1, 501 (pushed)
    static final String CLOSE = "CLOSE";               // 11:00Z, t1, 302
    static final String DAILY = "DAILY REPORT";        // 12:00Z, t1, 502 (pushed)
    static final String RETURN = "RETURN 49-01";       // 2026-01-02T00:00Z, t2, 102, receipt 2001, 20260102
    static final String VOID = "VOID a.b";             // 2026-01-02T01:00:00.500Z, t2, 201, receipt 2002, 20260102
    static final String VOID_RETURN = "VOID RETURN";   // 2026-01-03T03:00Z, t3, 202, receipt 3001, 20260103
    static final List<String> ALL = List.of(OPEN, CASH_IN, CASH_OUT, SALE, CANCEL, FLASH, CLOSE, DAILY, RETURN,
            VOID, VOID_RETURN);

    @BeforeEach
    void oneDay() {
        if (tenant != null) {
            return;
        }
        String t = newTenant();
        other = newTenant();
        send(Topics.OPENCLOSELOG, t, "S1", 1,
                openCloseLog(newId(), t, "S1", 1, "open", "20260101", "2026-01-01T08:00:00+09:00", OPEN));
        send(Topics.CASHLOG, t, "S1", 1,
                cashLog(newId(), t, "S1", 1, "1000", "20260101", "2026-01-01T09:30:00+09:00", CASH_IN));
        send(Topics.CASHLOG, t, "S1", 1,
                cashLog(newId(), t, "S1", 1, "-300", "20260101", "2026-01-01T00:45:00Z", CASH_OUT));
        send(Topics.TRANLOG, t, "S1", 1, tranlog(newId(), t, "S1", 1, 1, 101, false, "20260101",
                "2026-01-01T10:00:00+09:00", 1001, "220", 2, SALE));
        send(Topics.TRANLOG, t, "S1", 1, tranlog(newId(), t, "S1", 1, 2, 101, true, "20260101",
                "2026-01-01T01:30:00Z", 1002, "110", 1, CANCEL));
        send(Topics.OPENCLOSELOG, t, "S1", 1,
                openCloseLog(newId(), t, "S1", 1, "close", "20260101", "2026-01-01T20:00:00+09:00", CLOSE));
        // Kugel's naive isoformat and its OpenAPI's YYYYMMDDTHHMMSS are local times of the shop (Asia/Tokyo).
        send(Topics.TRANLOG, t, "S1", 2, tranlog(newId(), t, "S1", 2, 1, 102, false, "20260102",
                "2026-01-02T09:00:00", 2001, "220", 2, RETURN));
        send(Topics.TRANLOG, t, "S1", 2, tranlog(newId(), t, "S1", 2, 2, 201, false, "20260102",
                "2026-01-02T10:00:00.500+09:00", 2002, "330", 3, VOID));
        send(Topics.TRANLOG, t, "S1", 3, tranlog(newId(), t, "S1", 3, 1, 202, false, "20260103",
                "20260103T120000", 3001, "220", 2, VOID_RETURN));
        push(t, 501, "2026-01-01T12:00:00+09:00", FLASH);
        push(t, 502, "2026-01-01T21:00:00+09:00", DAILY);
        send(Topics.TRANLOG, t, "S2", 1, tranlog(newId(), t, "S2", 1, 1, 101, false, "20260101",
                "2026-01-01T10:00:00+09:00", 1001, "220", 2, "SALE 49-01 Apple of S2"));
        send(Topics.TRANLOG, other, "S1", 1, tranlog(newId(), other, "S1", 1, 1, 101, false, "20260101",
                "2026-01-01T10:00:00+09:00", 1001, "220", 2, "SALE 49-01 Apple of another tenant"));
        awaitTotal(t, "S1", 11);
        awaitTotal(t, "S2", 1);
        awaitTotal(other, "S1", 1);
        tenant = t;
    }

    private static void push(String t, int type, String generated, String text) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("transaction_type", type);
        body.put("business_date", "20260101");
        body.put("open_counter", 1);
        body.put("business_counter", 1);
        body.put("generate_date_time", generated);
        body.put("journal_text", text);
        body.put("receipt_text", text);
        body.put("staff_id", "SYSTEM");
        as(t).body(body).post(terminalPath(t, "S1", 1) + "/journals").then().statusCode(201);
    }

    /** The journal texts a search answers, in the order it answers them. */
    private static List<String> texts(Map<String, ?> params) {
        return search(tenant, "S1", params).statusCode(200).body("success", equalTo(true))
                .extract().jsonPath().getList("data.journalText");
    }

    private static List<String> textsOfQuery(String query) {
        return as(tenant).get(journals(tenant, "S1") + "?" + query).then().statusCode(200)
                .extract().jsonPath().getList("data.journalText");
    }

    @Test
    void withoutFiltersTheWholeStoreInInstantOrder() {
        search(tenant, "S1", Map.of()).statusCode(200).body("metadata.total", equalTo(11))
                .body("metadata.page", equalTo(1)).body("metadata.limit", equalTo(100))
                .body("metadata.sort", nullValue()).body("metadata.filter.store_code", equalTo("S1"))
                .body("operation", equalTo("get_journals"));
        assertEquals(ALL, texts(Map.of()));
        assertEquals(List.of(301, 401, 402, 101, -101, 501, 302, 502, 102, 201, 202),
                search(tenant, "S1", Map.of()).extract().jsonPath().getList("data.transactionType"));
        assertEquals(List.of("SALE 49-01 Apple of S2"),
                as(tenant).get(journals(tenant, "S2")).then().statusCode(200).extract().jsonPath()
                        .getList("data.journalText"));
    }

    @Test
    void terminalsAsRepeatedOrCommaSeparated() {
        assertEquals(List.of(RETURN, VOID), texts(Map.of("terminals", "2")));
        assertEquals(List.of(RETURN, VOID, VOID_RETURN), textsOfQuery("terminals=2&terminals=3"));
        assertEquals(List.of(RETURN, VOID, VOID_RETURN), texts(Map.of("terminals", "2,3")));
        assertEquals(List.of(), texts(Map.of("terminals", "4")));
        search(tenant, "S1", Map.of("terminals", "2,3")).body("metadata.filter.terminals", equalTo(List.of(2, 3)));
    }

    @Test
    void transactionTypes() {
        assertEquals(List.of(SALE), texts(Map.of("transaction_types", "101")));
        assertEquals(List.of(CANCEL), texts(Map.of("transaction_types", "-101")));
        assertEquals(List.of(SALE, CANCEL), textsOfQuery("transaction_types=101&transaction_types=-101"));
        assertEquals(List.of(CASH_IN, CASH_OUT), texts(Map.of("transaction_types", "401,402")));
        assertEquals(List.of(OPEN, CLOSE), texts(Map.of("transaction_types", "301,302")));
        assertEquals(List.of(FLASH, DAILY), texts(Map.of("transaction_types", "501,502")));
        assertEquals(List.of(RETURN, VOID, VOID_RETURN), texts(Map.of("transaction_types", "102,201,202")));
    }

    @Test
    void businessDateRangeWithOneOrBothEnds() {
        assertEquals(List.of(RETURN, VOID, VOID_RETURN), texts(Map.of("business_date_from", "20260102")));
        assertEquals(List.of(OPEN, CASH_IN, CASH_OUT, SALE, CANCEL, FLASH, CLOSE, DAILY),
                texts(Map.of("business_date_to", "20260101")));
        assertEquals(List.of(RETURN, VOID),
                texts(Map.of("business_date_from", "20260102", "business_date_to", "20260102")));
        assertEquals(List.of(), texts(Map.of("business_date_from", "20260104")));
    }

    @Test
    void generateDateTimeRangeComparesInstants() {
        // 10:00 and 10:30 in Tokyo are 01:00Z and 01:30Z: the sale (+09:00) and the cancel (Z) both fall in.
        assertEquals(List.of(SALE, CANCEL), texts(Map.of("generate_date_time_from", "2026-01-01T10:00:00+09:00",
                "generate_date_time_to", "2026-01-01T10:30:00+09:00")));
        assertEquals(List.of(SALE, CANCEL), texts(Map.of("generate_date_time_from", "2026-01-01T01:00:00Z",
                "generate_date_time_to", "2026-01-01T01:30:00Z")));
        assertEquals(List.of(SALE, CANCEL), texts(Map.of("generate_date_time_from", "20260101T100000",
                "generate_date_time_to", "20260101T103000")));
        assertEquals(List.of(SALE, CANCEL), texts(Map.of("generate_date_time_from", "2025-12-31T20:00:00-05:00",
                "generate_date_time_to", "2025-12-31T20:30:00-05:00")));
        // One end only.
        assertEquals(List.of(RETURN, VOID, VOID_RETURN), texts(Map.of("generate_date_time_from", "2026-01-02T00:00:00Z")));
        assertEquals(List.of(OPEN), texts(Map.of("generate_date_time_to", "2026-01-01T08:00:00+09:00")));
        // Milliseconds count: exactly one instant.
        assertEquals(List.of(VOID), texts(Map.of("generate_date_time_from", "2026-01-02T01:00:00.500Z",
                "generate_date_time_to", "2026-01-02T10:00:00.500+09:00")));
        assertEquals(List.of(), texts(Map.of("generate_date_time_from", "2026-01-02T01:00:00.501Z",
                "generate_date_time_to", "2026-01-02T01:00:01Z")));
        search(tenant, "S1", Map.of("generate_date_time_from", "2026-01-01T10:00:00+09:00"))
                .body("metadata.filter.generate_date_time_from", equalTo("2026-01-01T01:00:00Z"));
    }

    @Test
    void receiptNumberRange() {
        assertEquals(List.of(RETURN, VOID, VOID_RETURN), texts(Map.of("receipt_no_from", "2001")));
        assertEquals(List.of(SALE, CANCEL), texts(Map.of("receipt_no_to", "1002")));
        assertEquals(List.of(CANCEL, RETURN), texts(Map.of("receipt_no_from", "1002", "receipt_no_to", "2001")));
    }

    @Test
    void keywordsAreLiteralTextInTheJournalText() {
        assertEquals(List.of(SALE, RETURN), texts(Map.of("keywords", "49-01")));
        assertEquals(List.of(SALE, RETURN, VOID_RETURN), texts(Map.of("keywords", "Apple,RETURN")));
        assertEquals(List.of(CASH_IN, CASH_OUT, OPEN).stream().sorted().toList(),
                textsOfQuery("keywords=CASH&keywords=OPEN").stream().sorted().toList());
        // Regex characters are text: "(" is no error, "." is a dot, ".*" matches nothing here.
        assertEquals(List.of(CANCEL), texts(Map.of("keywords", "(x)")));
        assertEquals(List.of(CANCEL), texts(Map.of("keywords", "(")));
        assertEquals(List.of(VOID), texts(Map.of("keywords", ".")));
        assertEquals(List.of(), texts(Map.of("keywords", ".*")));
        assertEquals(List.of(), texts(Map.of("keywords", "apple")));
    }

    @Test
    void filtersCombine() {
        assertEquals(List.of(SALE, CANCEL), texts(Map.of("terminals", "1", "transaction_types", "101,-101,102",
                "business_date_from", "20260101", "keywords", "49")));
        search(tenant, "S1", Map.of("terminals", "1", "transaction_types", "101,-101", "business_date_from",
                "20260101", "receipt_no_to", "1001", "keywords", "SALE"))
                .body("metadata.total", equalTo(1))
                .body("metadata.filter.terminals", equalTo(List.of(1)))
                .body("metadata.filter.transaction_types", equalTo(List.of(101, -101)))
                .body("metadata.filter.business_date_from", equalTo("20260101"))
                .body("metadata.filter.receipt_no_to", equalTo(1001))
                .body("metadata.filter.keywords", equalTo(List.of("SALE")))
                .body("data[0].amount", equalTo(220)).body("data[0].quantity", equalTo(2));
    }

    @Test
    void pagingAndSorting() {
        search(tenant, "S1", Map.of("limit", "3", "page", "2")).body("metadata.total", equalTo(11))
                .body("metadata.page", equalTo(2)).body("metadata.limit", equalTo(3));
        assertEquals(List.of(SALE, CANCEL, FLASH), texts(Map.of("limit", "3", "page", "2")));
        assertEquals(List.of(VOID, VOID_RETURN), texts(Map.of("limit", "3", "page", "4")));
        search(tenant, "S1", Map.of("limit", "3", "page", "5")).body("data", hasSize(0))
                .body("metadata.total", equalTo(11));

        assertEquals(List.of(VOID_RETURN, VOID, RETURN), texts(Map.of("sort", "receipt_no:-1", "limit", "3")));
        search(tenant, "S1", Map.of("sort", "receiptNo:-1", "limit", "1"))
                .body("metadata.sort", equalTo("receipt_no:-1")).body("data[0].receiptNo", equalTo(3001));
        assertEquals(List.of(DAILY, CLOSE, FLASH, CANCEL, SALE, CASH_OUT, CASH_IN, OPEN, VOID, RETURN, VOID_RETURN),
                texts(Map.of("sort", "terminal_no:1,generate_date_time:-1")));
        assertEquals(List.of(VOID_RETURN, VOID, RETURN),
                texts(Map.of("sort", "business_date:-1,transaction_type:-1", "limit", "3")));
    }

    @Test
    void unknownSortIs400() {
        search(tenant, "S1", Map.of("sort", "journal_text:1")).statusCode(400).body("success", equalTo(false))
                .body("userError.code", equalTo("300002"));
        search(tenant, "S1", Map.of("sort", "receipt_no:up")).statusCode(400).body("userError.code", equalTo("300002"));
        search(tenant, "S1", Map.of("sort", "$where:1")).statusCode(400);
    }

    @Test
    void badInputIs422() {
        for (Map<String, String> bad : List.of(
                Map.of("terminals", "one"), Map.of("transaction_types", "101,x"),
                Map.of("business_date_from", "2026-01-01"), Map.of("business_date_to", "20260231"),
                Map.of("business_date_from", "20260102", "business_date_to", "20260101"),
                Map.of("generate_date_time_from", "yesterday"), Map.of("generate_date_time_to", "2026-13-01T00:00:00Z"),
                Map.of("generate_date_time_from", "2026-01-02T00:00:00Z", "generate_date_time_to", "2026-01-01T00:00:00Z"),
                Map.of("receipt_no_from", "x"), Map.of("receipt_no_from", "5", "receipt_no_to", "4"),
                Map.of("limit", "0"), Map.of("limit", "abc"), Map.of("limit", "100000"), Map.of("page", "0"),
                Map.of("page", "-1"))) {
            search(tenant, "S1", bad).statusCode(422).body("success", equalTo(false)).body("code", equalTo(422))
                    .body("userError.code", equalTo("300001")).body("data", nullValue());
        }
    }

    @Test
    void noDataOfAnotherTenant() {
        // A user of one tenant asking for another's journal: 400, and nothing of it.
        as(tenant).get(journals(other, "S1")).then().statusCode(400).body("userError.code", equalTo("200003"))
                .body("data", nullValue());
        given().auth().oauth2(TestTokens.terminal(tenant, "S1", 1, Map.of())).get(journals(other, "S1"))
                .then().statusCode(400).body("userError.code", equalTo("200003"));
        String otherTerminal = other + "-S1-1";
        given().header("X-API-KEY", FakeTerminalService.keyOf(otherTerminal)).queryParam("terminal_id", otherTerminal)
                .get(journals(tenant, "S1")).then().statusCode(400).body("userError.code", equalTo("200003"));
        // Its own journal never shows the other tenant's entry.
        search(other, "S1", Map.of()).body("metadata.total", equalTo(1))
                .body("data[0].journalText", equalTo("SALE 49-01 Apple of another tenant"));
        assertEquals(List.of(SALE), texts(Map.of("keywords", "Apple")));
    }

    @Test
    void whoMayRead() {
        given().get(journals(tenant, "S1")).then().statusCode(401).body("userError.code", equalTo("200001"));
        given().auth().oauth2(TestTokens.expiredUser(tenant, "admin")).get(journals(tenant, "S1")).then()
                .statusCode(401);
        given().auth().oauth2(TestTokens.userSignedByStranger(tenant, "admin")).get(journals(tenant, "S1")).then()
                .statusCode(401);
        given().auth().oauth2(TestTokens.terminal(tenant, "S1", 2, Map.of())).get(journals(tenant, "S1")).then()
                .statusCode(200).body("metadata.total", equalTo(11));
        // A terminal reads its own store only.
        given().auth().oauth2(TestTokens.terminal(tenant, "S2", 1, Map.of())).get(journals(tenant, "S1")).then()
                .statusCode(403).body("userError.code", equalTo("200002"));
        String terminal = tenant + "-S1-3";
        given().header("X-API-KEY", FakeTerminalService.keyOf(terminal)).queryParam("terminal_id", terminal)
                .queryParam("terminals", "3").get(journals(tenant, "S1")).then().statusCode(200)
                .body("data[0].journalText", equalTo(VOID_RETURN));
        given().header("X-API-KEY", "wrong").queryParam("terminal_id", terminal).get(journals(tenant, "S1")).then()
                .statusCode(401).body("userError.code", equalTo("200001"));
        given().auth().oauth2(TestTokens.service("report", tenant)).get(journals(tenant, "S1")).then()
                .statusCode(403);
        // Invalid and unknown tenants.
        given().auth().oauth2(TestTokens.user("bad-id", "admin", false)).get(journals("bad-id", "S1")).then()
                .statusCode(400).body("userError.code", equalTo("300003"));
        String ghost = "Jghost" + System.nanoTime() % 100000;
        given().auth().oauth2(TestTokens.user(ghost, "admin", false)).contentType(ContentType.JSON)
                .get(journals(ghost, "S1")).then().statusCode(404).body("userError.code", equalTo("100001"));
    }

    /** The published document against the code: success statuses, typed answers, security (issue 13, wire item 8). */
    @org.junit.jupiter.api.Test
    void theOpenApiDocumentSaysWhatTheCodeDoes() throws Exception {
        dev.kassa.common.test.OpenApiContract.assertDocumentsTheCode("dev.kassa.journal.rest");
        io.restassured.RestAssured.given().get("/health").then().statusCode(200)
                .body("service", org.hamcrest.Matchers.equalTo("journal"))
                .body("checks.mongodb.status", org.hamcrest.Matchers.equalTo("healthy"));
    }
}
