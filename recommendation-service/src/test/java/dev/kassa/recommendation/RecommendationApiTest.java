package dev.kassa.recommendation;

import dev.kassa.common.event.TranLog;
import dev.kassa.common.test.TestTokens;
import dev.kassa.recommendation.grpc.v1.Reason;
import dev.kassa.recommendation.grpc.v1.RecommendResponse;
import dev.kassa.recommendation.grpc.v1.Recommendation;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What a caller sees: learning from the tranlog, over gRPC and the HTTP mirror, and the guarantees around it. */
@QuarkusTest
class RecommendationApiTest extends RecommendationTestBase {
    private static final Duration LEARNED = Duration.ofSeconds(60);

    ManagedChannel channel;

    @BeforeEach
    void connect() {
        channel = channel();
    }

    @AfterEach
    void disconnect() throws InterruptedException {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }

    static List<Map<String, Object>> http(String tenant, String store, String items, int limit) {
        return as(tenant).queryParam("item_codes", items).queryParam("limit", limit).get(path(tenant, store))
                .then().statusCode(200).body("success", equalTo(true))
                .extract().jsonPath().getList("data");
    }

    static List<String> codes(List<Map<String, Object>> found) {
        return found.stream().map(r -> (String) r.get("itemCode")).toList();
    }

    static double score(List<Map<String, Object>> found, String item) {
        return found.stream().filter(r -> item.equals(r.get("itemCode")))
                .mapToDouble(r -> ((Number) r.get("score")).doubleValue()).findFirst().orElse(-1);
    }

    @Test
    void itemsBoughtTogetherAreRecommendedTogetherAndCartItemsNever() {
        String t = newTenant();
        String s = "S1";
        for (int i = 0; i < 8; i++) {
            send(sale(t, s, "A", "B"), sale(t, s, "D", "E"), sale(t, s, "D"));
        }
        send(sale(t, s, "A", "C"), sale(t, s, "A", "C", "E"), sale(t, s, "F"));
        await().atMost(LEARNED).until(() -> codes(http(t, s, "Z", 10)).contains("F"));

        // gRPC: B is what goes with A; then C; popular items fill up, the cart's own item never appears
        RecommendResponse grpc = stub(channel, TestTokens.terminal(t, s, 1, Map.of()))
                .recommend(request(t, s, 5, "A"));
        List<Recommendation> found = grpc.getRecommendationsList();
        assertEquals(5, found.size());
        assertEquals("B", found.get(0).getItemCode());
        assertEquals(Reason.CO_PURCHASE, found.get(0).getReason());
        assertEquals(0.8, found.get(0).getScore(), 1e-3, "8 of A's 10 baskets held B");
        assertEquals("C", found.get(1).getItemCode());
        assertEquals(0.2, found.get(1).getScore(), 1e-3);
        assertEquals("E", found.get(2).getItemCode());
        assertEquals(Reason.POPULAR, found.get(3).getReason());
        assertEquals("D", found.get(3).getItemCode(), "D is in 16 of the store's 27 baskets");
        assertTrue(found.stream().noneMatch(r -> r.getItemCode().equals("A")));

        // the HTTP mirror answers the same, in the envelope
        List<Map<String, Object>> mirrored = http(t, s, "A", 5);
        assertEquals(found.stream().map(Recommendation::getItemCode).toList(), codes(mirrored));
        assertEquals("co_purchase", mirrored.get(0).get("reason"));
        assertEquals("popular", mirrored.get(3).get("reason"));

        // with A and B in the cart neither comes back, whatever the limit
        for (int limit : new int[] {1, 3, 50}) {
            List<String> codes = codes(http(t, s, "A,B", limit));
            assertFalse(codes.contains("A") || codes.contains("B"), codes.toString());
            assertTrue(codes.size() <= limit);
            List<String> viaGrpc = stub(channel, TestTokens.user(t, "u", false)).recommend(request(t, s, limit, "B", "A"))
                    .getRecommendationsList().stream().map(Recommendation::getItemCode).toList();
            assertFalse(viaGrpc.contains("A") || viaGrpc.contains("B"), viaGrpc.toString());
        }
        // an empty cart (or an unknown item) gets the store's popular items
        assertEquals(List.of("D", "A", "E"), codes(http(t, s, "", 3)));
        // another store of the tenant without sales of its own falls back on the tenant's popular items
        assertEquals(List.of("D", "A", "E"), codes(http(t, "S2", "X", 3)));
    }

    @Test
    void voidedAndReturnedBasketsNoLongerCountAndADuplicateCountsOnce() {
        String t = newTenant();
        String s = "S1";
        TranLog first = sale(t, s, "P", "Q");
        TranLog second = sale(t, s, "P", "Q");
        send(first, first, second, sale(t, s, "P", "R"), cancelled(t, s, "P", "Q"), cancelled(t, s, "P", "Q"),
                first, sale(t, s, "M1"));
        await().atMost(LEARNED).until(() -> codes(http(t, s, "P", 10)).contains("M1"));
        List<Map<String, Object>> before = http(t, s, "P", 10);
        assertEquals(2.0 / 3, score(before, "Q"), 1e-3, "2 of P's 3 baskets held Q: the repeated sale counts once, "
                + "the cancelled carts not at all");
        assertEquals(1.0 / 3, score(before, "R"), 1e-3);

        send(reversal(first, TranLog.VOID_SALE), sale(t, s, "M2"));
        await().atMost(LEARNED).until(() -> codes(http(t, s, "P", 10)).contains("M2"));
        List<Map<String, Object>> voided = http(t, s, "P", 10);
        assertEquals(0.5, score(voided, "Q"), 1e-3, "the voided sale's basket is gone");
        assertEquals(0.5, score(voided, "R"), 1e-3);

        TranLog returned = reversal(second, TranLog.RETURN);
        send(returned, sale(t, s, "M3"));
        await().atMost(LEARNED).until(() -> codes(http(t, s, "P", 10)).contains("M3"));
        List<Map<String, Object>> afterReturn = http(t, s, "P", 10);
        assertFalse(codes(afterReturn).contains("Q"), "no basket with Q is left: " + afterReturn);
        assertEquals(1.0, score(afterReturn, "R"), 1e-3);

        send(reversal(returned, TranLog.VOID_RETURN), sale(t, s, "M4"));
        await().atMost(LEARNED).until(() -> codes(http(t, s, "P", 10)).contains("M4"));
        assertEquals(0.5, score(http(t, s, "P", 10), "Q"), 1e-3, "voiding the return brings its sale back");
    }

    @Test
    void deletedItemsAreNeverRecommended() {
        String t = newTenant();
        String s = "S1";
        send(sale(t, s, "A", "B"), sale(t, s, "A", "B"), sale(t, s, "A", "C"));
        await().atMost(LEARNED).until(() -> codes(http(t, s, "A", 5)).equals(List.of("B", "C")));
        itemChanged(t, "B", "deleted");
        await().atMost(LEARNED).until(() -> codes(http(t, s, "A", 5)).equals(List.of("C")));
        assertEquals(List.of("A", "C"), codes(http(t, s, "", 5)), "nor among the popular ones");
        itemChanged(t, "B", "created");
        await().atMost(LEARNED).until(() -> codes(http(t, s, "A", 5)).equals(List.of("B", "C")));
    }

    @Test
    void tenantsAreIsolated() {
        String t = newTenant();
        String other = newTenant();
        send(sale(t, "S1", "A", "B"), sale(other, "S1", "Y"));
        await().atMost(LEARNED).until(() -> codes(http(t, "S1", "A", 5)).equals(List.of("B")));
        await().atMost(LEARNED).until(() -> codes(http(other, "S1", "", 5)).equals(List.of("Y")));
        assertEquals(List.of("Y"), codes(http(other, "S1", "A", 5)), "nothing of the other tenant's model");

        as(other).queryParam("item_codes", "A").get(path(t, "S1")).then().statusCode(400)
                .body("success", equalTo(false)).body("userError.code", equalTo("200003"));
        StatusRuntimeException denied = assertThrows(StatusRuntimeException.class, () ->
                stub(channel, TestTokens.terminal(other, "S1", 1, Map.of())).recommend(request(t, "S1", 5, "A")));
        assertEquals(Status.Code.PERMISSION_DENIED, denied.getStatus().getCode());
    }

    @Test
    void callersMustAuthenticate() {
        String t = newTenant();
        given().get(path(t, "S1")).then().statusCode(401).body("success", equalTo(false));
        given().auth().oauth2(TestTokens.expiredUser(t, "u")).get(path(t, "S1")).then().statusCode(401);
        for (String token : new String[] {null, "not-a-token", TestTokens.userSignedByStranger(t, "u")}) {
            StatusRuntimeException refused = assertThrows(StatusRuntimeException.class, () ->
                    stub(channel, token).recommend(request(t, "S1", 5, "A")));
            assertEquals(Status.Code.UNAUTHENTICATED, refused.getStatus().getCode());
        }
        assertTrue(stub(channel, TestTokens.service("cart", t)).recommend(request(t, "S1", 5, "A"))
                .getRecommendationsList().isEmpty(), "a new tenant has nothing to recommend yet");
    }

    @Test
    void badQuestionsAreRefusedWithAnEnvelope() {
        String t = newTenant();
        String longCode = "x".repeat(65);
        String many = String.join(",", java.util.Collections.nCopies(101, "A"));
        Map<String, Integer> cases = new java.util.LinkedHashMap<>();
        cases.put(path(t, "S1") + "?limit=0", 422);
        cases.put(path(t, "S1") + "?limit=51", 422);
        cases.put(path(t, "S1") + "?limit=abc", 422);
        cases.put(path(t, "S1") + "?limit=99999999999", 422);
        cases.put(path(t, "S1") + "?item_codes=" + longCode, 422);
        cases.put(path(t, "S1") + "?item_codes=" + many, 422);
        cases.put(path(t, "S1") + "?item_codes=A%01B", 422);
        cases.put(path(t, longCode), 422);
        for (Map.Entry<String, Integer> c : cases.entrySet()) {
            as(t).urlEncodingEnabled(false).get(c.getKey()).then().statusCode(c.getValue())
                    .body("success", equalTo(false)).body("code", equalTo(c.getValue()))
                    .body("userError.code", matchesPattern("\\d{6}"));
        }
        as(t).get("/api/v1/tenants/bad-tenant!/stores/S1/recommendations").then().statusCode(400)
                .body("success", equalTo(false)).body("userError.code", equalTo("300003"));

        for (var bad : List.of(request(t, "S1", 51, "A"), request(t, "S1", -1, "A"), request(t, "", 5, "A"),
                request(t, "S1", 5, longCode), request(t, "S1", 5, ""), request("bad-tenant!", "S1", 5, "A"))) {
            StatusRuntimeException refused = assertThrows(StatusRuntimeException.class, () ->
                    stub(channel, TestTokens.user(t, "u", false)).recommend(bad));
            assertEquals(Status.Code.INVALID_ARGUMENT, refused.getStatus().getCode());
        }
    }

    /** The published document against the code: success statuses, typed answers, security (issue 13, wire item 8). */
    @org.junit.jupiter.api.Test
    void theOpenApiDocumentSaysWhatTheCodeDoes() throws Exception {
        dev.kassa.common.test.OpenApiContract.assertDocumentsTheCode("dev.kassa.recommendation.rest");
    }
}
