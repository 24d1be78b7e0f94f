package dev.kassa.recommendation.domain;

import dev.kassa.common.recommendation.RecommendationKeys;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

class RecommendationKeysTest {

    @Test
    void codesWithSeparatorsNeverRunIntoEachOther() {
        assertNotEquals(RecommendationKeys.neighbours("T1", "a:n:b", "X"),
                RecommendationKeys.neighbours("T1", "a", "b:n:X"));
        assertNotEquals(RecommendationKeys.neighbours("T1", "a%3A", "X"),
                RecommendationKeys.neighbours("T1", "a:", "X"));
        assertNotEquals(RecommendationKeys.storePopular("T1", ""), RecommendationKeys.tenantPopular("T1"));
        assertEquals("rec:{T1}:n:S%3A1:A%25", RecommendationKeys.neighbours("T1", "S:1", "A%"));
    }

    @Test
    void everyKeyOfATenantSharesItsHashTag() {
        for (String key : new String[] {RecommendationKeys.neighbours("T1", "{S}", "{I}"),
                RecommendationKeys.storePopular("T1", "S"), RecommendationKeys.storeBaskets("T1", "S"),
                RecommendationKeys.tenantPopular("T1"), RecommendationKeys.tenantBaskets("T1"),
                RecommendationKeys.applied("T1", "e"), RecommendationKeys.deletedItems("T1")}) {
            assertEquals("T1", key.substring(key.indexOf('{') + 1, key.indexOf('}')), key);
        }
    }
}
