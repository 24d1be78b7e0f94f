package dev.kassa.recommendation.domain;

import dev.kassa.common.recommendation.PopularItems;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class RankingTest {

    static PopularItems.Scored s(String item, double score) {
        return new PopularItems.Scored(item, score);
    }

    static Map<String, Double> n(Object... pairs) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            m.put((String) pairs[i], ((Number) pairs[i + 1]).doubleValue());
        }
        return m;
    }

    static final ModelView VIEW = new ModelView(
            Map.of("A", n("A", 10, "B", 8, "C", 2), "B", n("B", 8, "A", 8, "C", 4), "X", Map.of()),
            List.of(s("D", 16), s("A", 10), s("B", 8), s("C", 2)), 20,
            List.of(s("T", 90), s("D", 40)), 100);

    @Test
    void coPurchaseIsTheShareOfTheItemsBasketsAveragedOverTheCart() {
        List<Recommendation> forA = Ranking.ordered(VIEW, List.of("A"));
        assertEquals(new Recommendation("B", 0.8, Reason.CO_PURCHASE), forA.get(0));
        assertEquals(new Recommendation("C", 0.2, Reason.CO_PURCHASE), forA.get(1));
        List<Recommendation> forAB = Ranking.ordered(VIEW, List.of("A", "B"));
        assertEquals("C", forAB.get(0).itemCode());
        assertEquals((0.2 + 0.5) / 2, forAB.get(0).score(), 1e-12);
    }

    @Test
    void popularItemsFillUpStoreFirstThenTenantAndNeverRepeat() {
        List<Recommendation> forA = Ranking.ordered(VIEW, List.of("A"));
        assertEquals(List.of("B", "C", "D", "T"), forA.stream().map(Recommendation::itemCode).toList());
        assertEquals(new Recommendation("D", 0.8, Reason.POPULAR), forA.get(2));
        assertEquals(new Recommendation("T", 0.9, Reason.POPULAR), forA.get(3));
    }

    @Test
    void cartItemsAreNeverRecommendedAndUnknownItemsGetPopularOnes() {
        assertEquals(List.of("D", "T"), Ranking.ordered(VIEW, List.of("X", "A", "B", "C"))
                .stream().map(Recommendation::itemCode).toList());
        assertEquals(List.of("D", "A", "B", "C", "T"), Ranking.ordered(VIEW, List.of())
                .stream().map(Recommendation::itemCode).toList());
    }

    @Test
    void topDropsUnwantedItemsAndCuts() {
        List<Recommendation> ordered = Ranking.ordered(VIEW, List.of("A"));
        assertEquals(List.of("C", "D"), Ranking.top(ordered, Set.of("B"), 2).stream()
                .map(Recommendation::itemCode).toList());
    }

    @Test
    void tiesGoToTheSmallerCodeAndScoresStayWithinZeroAndOne() {
        ModelView tied = new ModelView(Map.of("A", n("A", 1, "Z", 1.0000000001, "M", 1, "K", -0.5)),
                List.of(), 0, List.of(s("P2", 1), s("P1", 1)), 0);
        List<Recommendation> found = Ranking.ordered(tied, List.of("A"));
        assertEquals(List.of("M", "Z"), found.stream().map(Recommendation::itemCode).toList(),
                "equal shares by code, negative residue left out, popular without baskets left out");
        assertEquals(1.0, found.get(1).score());
    }

    @Test
    void aBasketHalvesEveryHalfLife() {
        Decay decay = new Decay(Duration.ofDays(14));
        assertEquals(1.0, decay.weight(Decay.EPOCH));
        assertEquals(2.0, decay.weight(Decay.EPOCH.plus(Duration.ofDays(14))), 1e-12);
        assertEquals(0.25, decay.weight(Decay.EPOCH.minus(Duration.ofDays(28))), 1e-12);
        assertThrows(IllegalArgumentException.class, () -> new Decay(Duration.ofSeconds(1)));
        assertThrows(IllegalStateException.class, () -> new Decay(Duration.ofMinutes(1))
                .weight(Instant.parse("2027-01-01T00:00:00Z")));
    }
}
