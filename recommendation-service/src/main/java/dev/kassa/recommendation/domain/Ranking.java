package dev.kassa.recommendation.domain;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
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
        shares.forEach((item, share) -> coPurchase.add(new Recommendation(item, bounded(share / k),
                Reason.CO_PURCHASE)));
        coPurchase.sort(BEST_FIRST);

        Map<String, Recommendation> all = new LinkedHashMap<>();
        coPurchase.forEach(r -> all.put(r.itemCode(), r));
        addPopular(all, inCart, view.storePopular(), view.storeBaskets());
        addPopular(all, inCart, view.tenantPopular(), view.tenantBaskets());
        return new ArrayList<>(all.values());
    }

    /** The first {@code limit} of {@code ordered} that are not {@code unwanted}. */
    public static List<Recommendation> top(List<Recommendation> ordered, Set<String> unwanted, int limit) {
        return ordered.stream().filter(r -> !unwanted.contains(r.itemCode())).limit(limit).toList();
    }

    private static void addPopular(Map<String, Recommendation> all, Set<String> inCart,
                                   List<ModelView.Scored> popular, double baskets) {
        if (baskets <= 0) {
            return;
        }
        List<Recommendation> found = new ArrayList<>();
        for (ModelView.Scored p : popular) {
            if (p.score() > 0 && !inCart.contains(p.itemCode()) && !all.containsKey(p.itemCode())) {
                found.add(new Recommendation(p.itemCode(), bounded(p.score() / baskets), Reason.POPULAR));
            }
        }
        found.sort(BEST_FIRST);
        found.forEach(r -> all.putIfAbsent(r.itemCode(), r));
    }

    /** Sums of floating weights may stray a hair outside [0, 1]. */
    private static double bounded(double share) {
        return Math.max(0, Math.min(1, share));
    }
}
