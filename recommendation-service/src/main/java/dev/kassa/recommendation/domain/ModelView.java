package dev.kassa.recommendation.domain;

import dev.kassa.common.recommendation.PopularItems.Scored;

import java.util.List;
import java.util.Map;

/**
 * What the model holds for one question, read in one round trip: per cart item its neighbours
 * with their co-occurrence (the item itself among them, with its own basket count), and the store's
 * and tenant's popular items with their basket totals. All in decay-scaled units (see {@link Decay}).
 */
public record ModelView(Map<String, Map<String, Double>> neighbours,
                        List<Scored> storePopular, double storeBaskets,
                        List<Scored> tenantPopular, double tenantBaskets) {
}
