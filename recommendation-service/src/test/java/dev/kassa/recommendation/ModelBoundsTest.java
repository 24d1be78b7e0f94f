package dev.kassa.recommendation;

import dev.kassa.common.recommendation.RecommendationKeys;
import dev.kassa.recommendation.domain.BasketChange;
import dev.kassa.recommendation.domain.Recommendation;
import dev.kassa.recommendation.repository.ModelStore;
import dev.kassa.recommendation.service.Recommender;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Memory stays flat: neighbours and popular items are trimmed, stale pairs pruned, every key expires. */
@QuarkusTest
class ModelBoundsTest extends RecommendationTestBase {

    @Inject
    ModelStore model;
    @Inject
    Recommender recommender;
    @Inject
    RedisDataSource redis;

    static BasketChange basket(String tenant, Instant at, String... items) {
        return new BasketChange(UUID.randomUUID().toString(), tenant, "S1", 1, at, List.of(items));
    }

    @Test
    void neighboursAndPopularItemsAreTrimmedToTheStrongest() {
        String t = newTenant();
        Instant now = Instant.now();
        List<BasketChange> baskets = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            baskets.add(basket(t, now, "A", "B"));
        }
        for (int i = 0; i < 300; i++) {
            baskets.add(basket(t, now, "A", "P" + i));
        }
        model.apply(baskets).await().indefinitely();

        String neighbours = RecommendationKeys.neighbours(t, "S1", "A");
        assertEquals(51, redis.sortedSet(String.class).zcard(neighbours), "50 neighbours and A itself");
        assertEquals(305.0 / 5, redis.sortedSet(String.class).zscore(neighbours, "A").getAsDouble()
                / redis.sortedSet(String.class).zscore(neighbours, "B").getAsDouble(), 1e-9, "A's own count kept");
        assertTrue(redis.key().ttl(neighbours) > 0, "an idle item's set expires");
        assertEquals(200, redis.sortedSet(String.class).zcard(RecommendationKeys.storePopular(t, "S1")));
        assertEquals(200, redis.sortedSet(String.class).zcard(RecommendationKeys.tenantPopular(t)));
        List<Recommendation> forA = recommender.recommend(t, "S1", List.of("A"), 1).await().indefinitely();
        assertEquals("B", forA.get(0).itemCode(), "the strongest pair survives the trimming");
    }

    @Test
    void stalePairsArePrunedWhenTheirItemIsWrittenAgain() {
        String t = newTenant();
        Instant now = Instant.now();
        Instant old = now.minus(Duration.ofDays(14 * 10));
        model.apply(List.of(basket(t, old, "X", "Y"), basket(t, old, "X", "Y"))).await().indefinitely();
        assertEquals(List.of("Y"), recommender.recommend(t, "S1", List.of("X"), 5).await().indefinitely().stream()
                .map(Recommendation::itemCode).toList());

        model.apply(List.of(basket(t, now, "X", "Z"))).await().indefinitely();
        String neighbours = RecommendationKeys.neighbours(t, "S1", "X");
        assertFalse(redis.sortedSet(String.class).zrange(neighbours, 0, -1).contains("Y"),
                "two baskets ten half-lives old weigh under 1 % of a fresh one");
        List<Recommendation> forX = recommender.recommend(t, "S1", List.of("X"), 5).await().indefinitely();
        assertEquals("Z", forX.get(0).itemCode());
        assertEquals(1.0, forX.get(0).score(), 1e-2, "recent baskets outweigh old ones");
    }

    @Test
    void theSameEventAppliedTwiceCountsOnce() {
        String t = newTenant();
        BasketChange once = basket(t, Instant.now(), "A", "B");
        assertEquals(1, model.apply(List.of(once, once)).await().indefinitely());
        assertEquals(0, model.apply(List.of(once)).await().indefinitely());
        assertEquals(1.0, redis.sortedSet(String.class).zscore(RecommendationKeys.neighbours(t, "S1", "A"), "B").getAsDouble()
                / redis.sortedSet(String.class).zscore(RecommendationKeys.neighbours(t, "S1", "A"), "A").getAsDouble(), 1e-9);
        assertTrue(redis.key().ttl(RecommendationKeys.applied(t, once.eventId())) > 0, "event ids are remembered for a while");
    }
}
