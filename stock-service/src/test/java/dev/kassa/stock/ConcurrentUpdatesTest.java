package dev.kassa.stock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kassa.common.test.TestTokens;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** 200 updates of one item at once: nothing is lost and every one saw the quantity the one before it left. */
@QuarkusTest
class ConcurrentUpdatesTest extends StockTestBase {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void twoHundredConcurrentUpdatesOfOneItemSumExactly() throws Exception {
        String t = newTenant();
        String token = TestTokens.user(t, "manager", false);
        URI uri = URI.create("http://localhost:" + RestAssured.port + stock(t, "S1") + "/HOT/update");
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();
        List<CompletableFuture<HttpResponse<String>>> calls = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            int change = 1;
            HttpRequest request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(120))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(
                            "{\"quantityChange\":" + change + ",\"updateType\":\"adjustment\",\"referenceId\":\"c" + i + "\"}"))
                    .build();
            calls.add(http.sendAsync(request, HttpResponse.BodyHandlers.ofString()));
        }
        CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).join();
        List<JsonNode> answers = new ArrayList<>();
        for (CompletableFuture<HttpResponse<String>> call : calls) {
            HttpResponse<String> response = call.join();
            assertEquals(200, response.statusCode(), response.body());
            answers.add(JSON.readTree(response.body()).path("data"));
        }
        for (JsonNode a : answers) {
            assertEquals(a.path("beforeQuantity").asInt() + a.path("quantityChange").asInt(),
                    a.path("afterQuantity").asInt());
        }
        // The updates formed one chain: each saw the quantity the one before it left, 0 to 199.
        Set<Integer> befores = answers.stream().map(a -> a.path("beforeQuantity").asInt())
                .collect(Collectors.toCollection(TreeSet::new));
        Set<Integer> afters = answers.stream().map(a -> a.path("afterQuantity").asInt())
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(IntStream.range(0, 200).boxed().collect(Collectors.toCollection(TreeSet::new)), befores);
        assertEquals(IntStream.rangeClosed(1, 200).boxed().collect(Collectors.toCollection(TreeSet::new)), afters);

        as(t).get(stock(t, "S1") + "/HOT").then().statusCode(200).body("data.currentQuantity", equalTo(200));
        as(t).queryParam("limit", 1000).get(stock(t, "S1") + "/HOT/history").then().statusCode(200)
                .body("data.metadata.total", equalTo(200)).body("data.data[0].afterQuantity", equalTo(200));
    }
}
