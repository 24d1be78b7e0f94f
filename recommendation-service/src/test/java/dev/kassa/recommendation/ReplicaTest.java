package dev.kassa.recommendation;

import dev.kassa.common.test.SecondReplica;
import dev.kassa.common.test.TestTokens;
import dev.kassa.recommendation.grpc.v1.RecommendResponse;
import io.grpc.ManagedChannel;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Two replicas answer the same: the test's own replica learns from the tranlog, a second one in its
 * own JVM does not consume at all, and still answers exactly as the first, from the same Redis.
 */
@QuarkusTest
class ReplicaTest extends RecommendationTestBase {

    @Test
    void aReplicaThatLearnedNothingAnswersLikeTheOneThatLearned() throws Exception {
        assumeTrue(SecondReplica.available(), "the packaged app is built before the tests");
        String t = newTenant();
        String s = "S1";
        for (int i = 0; i < 5; i++) {
            send(sale(t, s, "A", "B", "C"), sale(t, s, "A", "D"), sale(t, s, "E"), sale(t, s, "B", "C", "F" + i));
        }
        send(sale(t, s, "LAST"));
        await().atMost(Duration.ofSeconds(60)).until(() -> RecommendationApiTest.codes(
                RecommendationApiTest.http(t, s, "Z", 50)).contains("LAST"));

        try (SecondReplica second = SecondReplica.start("r2", null, Map.of(
                "mp.messaging.incoming.tranlog.enabled", "false",
                "mp.messaging.incoming.masterdata.enabled", "false"), true, "/health")) {
            ManagedChannel one = channel();
            ManagedChannel two = channel(second.port);
            try {
                String token = TestTokens.terminal(t, s, 1, Map.of());
                for (List<String> cart : List.<List<String>>of(List.of("A"), List.of("B", "C"), List.of("E"), List.of(),
                        List.of("F1", "A"))) {
                    String[] items = cart.toArray(String[]::new);
                    RecommendResponse first = stub(one, token).recommend(request(t, s, 10, items));
                    RecommendResponse other = stub(two, token).recommend(request(t, s, 10, items));
                    assertEquals(first, other, "the same answer for " + cart);
                    String query = path(t, s) + "?limit=10&item_codes=" + String.join(",", cart);
                    String viaFirst = given().auth().oauth2(token).get(query).then().statusCode(200).extract().asString();
                    String viaSecond = given().auth().oauth2(token).port(second.port).get(query).then().statusCode(200)
                            .extract().asString();
                    assertEquals(viaFirst, viaSecond);
                }
                assertEquals("B", stub(two, token).recommend(request(t, s, 3, "A")).getRecommendations(0).getItemCode());
            } finally {
                one.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
                two.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
            }
        }
    }
}
