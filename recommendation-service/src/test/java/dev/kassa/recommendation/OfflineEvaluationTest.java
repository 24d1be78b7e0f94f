package dev.kassa.recommendation;

import dev.kassa.recommendation.domain.BasketChange;
import dev.kassa.recommendation.domain.Recommendation;
import dev.kassa.recommendation.repository.ModelStore;
import dev.kassa.recommendation.service.Recommender;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The offline evaluation ({@link OfflineEvaluation}) against the real model: training goes through
 * the same Redis script as the tranlog consumer, answers through the same service as gRPC and HTTP.
 * The model must clearly beat plain popularity (the store's most bought items not in the cart).
 * Figures go to the test output and {@code target/offline-evaluation.txt}.
 */
@QuarkusTest
class OfflineEvaluationTest extends RecommendationTestBase {
    static final int K = 5;

    @Inject
    ModelStore model;
    @Inject
    Recommender recommender;

    @Test
    void theModelClearlyBeatsPopularity() throws IOException {
        OfflineEvaluation evaluation = new OfflineEvaluation(42, 400, 60, 6000, 1500);
        String t = newTenant();
        String s = "S1";
        Instant start = Instant.now();
        List<BasketChange> batch = new ArrayList<>();
        for (List<String> basket : evaluation.training) {
            batch.add(new BasketChange(UUID.randomUUID().toString(), t, s, 1, Instant.now(), basket));
            if (batch.size() == 500) {
                model.apply(batch).await().indefinitely();
                batch.clear();
            }
        }
        model.apply(batch).await().indefinitely();
        long trainMillis = java.time.Duration.between(start, Instant.now()).toMillis();

        Instant asked = Instant.now();
        double modelRate = evaluation.hitRate(K, 7, (cart, k) -> codes(
                recommender.recommend(t, s, cart, k).await().indefinitely()));
        long askMillis = java.time.Duration.between(asked, Instant.now()).toMillis();
        double popularRate = evaluation.hitRate(K, 7, (cart, k) -> codes(
                recommender.recommend(t, s, List.of(), k + cart.size()).await().indefinitely()).stream()
                .filter(item -> !cart.contains(item)).limit(k).toList());

        String report = String.format(java.util.Locale.ROOT,
                "offline evaluation: %d training baskets, %d held out, 400 items, 60 planted rules%n"
                        + "hit-rate@%d  model %.3f  popularity %.3f%n"
                        + "training %d ms (%.0f baskets/s), %d questions in %d ms%n",
                evaluation.training.size(), evaluation.heldOut.size(), K, modelRate, popularRate, trainMillis,
                evaluation.training.size() * 1000.0 / Math.max(trainMillis, 1),
                evaluation.heldOut.stream().filter(b -> b.size() >= 2).count(), askMillis);
        System.out.print(report);
        Files.writeString(Path.of("target", "offline-evaluation.txt"), report);
        assertTrue(modelRate >= popularRate + 0.15 && modelRate >= 1.5 * popularRate, report);
    }

    private static List<String> codes(List<Recommendation> found) {
        return found.stream().map(Recommendation::itemCode).toList();
    }
}
