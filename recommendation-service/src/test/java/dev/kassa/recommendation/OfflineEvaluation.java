package dev.kassa.recommendation;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * An offline evaluation of recommendations: synthetic baskets with planted co-purchase rules
 * (an anchor item pulls its partners into the basket most of the time) over Zipf-distributed noise,
 * split into a training and a held-out part. For every held-out basket of two or more items one
 * item is hidden; a recommender gets the rest as the cart and scores a hit when the hidden item is
 * among its first {@code k}. Deterministic for a seed.
 */
final class OfflineEvaluation {
    final List<List<String>> training = new ArrayList<>();
    final List<List<String>> heldOut = new ArrayList<>();
    private final Random random;
    private final int items;
    private final double[] cumulative;
    /** For each item, the partners its rule pulls in (none for most items). */
    private final List<List<String>> rules = new ArrayList<>();

    OfflineEvaluation(long seed, int items, int ruleCount, int trainingBaskets, int heldOutBaskets) {
        this.random = new Random(seed);
        this.items = items;
        this.cumulative = zipf(items, 1.0);
        for (int i = 0; i < items; i++) {
            rules.add(List.of());
        }
        for (int r = 0; r < ruleCount; r++) {
            int anchor = random.nextInt(items);
            List<String> partners = new ArrayList<>();
            int size = 1 + random.nextInt(2);
            while (partners.size() < size) {
                int partner = random.nextInt(items);
                if (partner != anchor && !partners.contains(code(partner))) {
                    partners.add(code(partner));
                }
            }
            rules.set(anchor, partners);
        }
        for (int b = 0; b < trainingBaskets; b++) {
            training.add(basket());
        }
        for (int b = 0; b < heldOutBaskets; b++) {
            heldOut.add(basket());
        }
    }

    static String code(int item) {
        return "I" + item;
    }

    /** A basket: one or two anchors (items with rules are drawn more often), their partners at 70 %, Zipf noise. */
    private List<String> basket() {
        Set<String> basket = new LinkedHashSet<>();
        int anchors = 1 + random.nextInt(2);
        for (int a = 0; a < anchors; a++) {
            int anchor = random.nextDouble() < 0.5 ? ruled() : draw();
            basket.add(code(anchor));
            for (String partner : rules.get(anchor)) {
                if (random.nextDouble() < 0.7) {
                    basket.add(partner);
                }
            }
        }
        int noise = random.nextInt(3);
        for (int n = 0; n < noise; n++) {
            basket.add(code(draw()));
        }
        return new ArrayList<>(basket);
    }

    private int ruled() {
        while (true) {
            int item = random.nextInt(items);
            if (!rules.get(item).isEmpty()) {
                return item;
            }
        }
    }

    private int draw() {
        double u = random.nextDouble();
        int lo = 0;
        int hi = cumulative.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] < u) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static double[] zipf(int n, double s) {
        double[] c = new double[n];
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += 1 / Math.pow(i + 1, s);
            c[i] = sum;
        }
        for (int i = 0; i < n; i++) {
            c[i] /= sum;
        }
        return c;
    }

    /** Hit rate at {@code k}: {@code recommender} gets the cart and k, answers item codes best first. */
    double hitRate(int k, long seed, BiFunction<List<String>, Integer, List<String>> recommender) {
        Random hide = new Random(seed);
        int asked = 0;
        int hits = 0;
        for (List<String> basket : heldOut) {
            if (basket.size() < 2) {
                continue;
            }
            List<String> cart = new ArrayList<>(basket);
            String hidden = cart.remove(hide.nextInt(cart.size()));
            asked++;
            if (recommender.apply(cart, k).stream().limit(k).anyMatch(hidden::equals)) {
                hits++;
            }
        }
        return (double) hits / asked;
    }
}
