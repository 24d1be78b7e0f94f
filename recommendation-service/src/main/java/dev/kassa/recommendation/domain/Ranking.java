package dev.kassa.recommendation.domain;

import dev.kassa.common.recommendation.PopularItems;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns a {@link ModelView} into recommendations for a cart, best first.
 * <ul>
 *   <li>co_purchase: for each cart item c, the share of c's baskets that also held j
 *       (co(c, j) / count(c)), averaged over the cart's items: "of the baskets with what you
 *       have, this share also had j";</li>
 *   <li>popular: to fill up, the share of the store's baskets that held the item, then the
 *       tenant's (a new store has no baskets of its own).</li>
 * </ul>
 * Items in the cart are never recommended. Ties go to the smaller item code, so every replica
 * gives the same order.
 */
public final class Ranking {
    private static final Comparator<Recommendation> BEST_FIRST = Comparator
            .comparingDouble(Recommendation::score).reversed()
            .thenComparing(Recommendation::itemCode);

    private Ranking() {
    }

    /** Every candidate, best first, without the cart's items; the caller drops unwanted ones and cuts. */
    public static List<Recommendation> ordered(ModelView view, Collection<String> cart) {
        Set<String> inCart = new LinkedHashSet<>(cart);
        Map<String, Double> shares = new HashMap<>();
        for (String c : inCart) {
            Map<String, Double> neighbours = view.neighbours().getOrDefault(c, Map.of());
            Double own = neighbours.get(c);
            if (own == null || own <= 0) {
                continue;
            }
            for (Map.Entry<String, Double> n : neighbours.entrySet()) {
                if (!inCart.contains(n.getKey()) && n.getValue() > 0) {
                    shares.merge(n.getKey(), n.getValue() / own, Double::sum);
                }
            }
        }
        List<Recommendation> coPurchase = new ArrayList<>();
        int k = Math.max(inCart.size(), 1);
        shares.forEach((item, share) -> coPurchase.add(new Recommendation(item, PopularItems.bounded(share / k),
                Reason.CO_PURCHASE)));
        coPurchase.sort(BEST_FIRST);

        Map<String, Recommendation> all = new LinkedHashMap<>();
        coPurchase.forEach(r -> all.put(r.itemCode(), r));
        Set<String> unwanted = new HashSet<>(inCart);
        unwanted.addAll(all.keySet());
        PopularItems.ranked(view.storePopular(), view.storeBaskets(), view.tenantPopular(), view.tenantBaskets(),
                unwanted).forEach(p -> all.put(p.itemCode(), new Recommendation(p.itemCode(), p.score(), Reason.POPULAR)));
        return new ArrayList<>(all.values());
    }

    /** The first {@code limit} of {@code ordered} that are not {@code unwanted}. */
    public static List<Recommendation> top(List<Recommendation> ordered, Set<String> unwanted, int limit) {
        return ordered.stream().filter(r -> !unwanted.contains(r.itemCode())).limit(limit).toList();
    }
}
