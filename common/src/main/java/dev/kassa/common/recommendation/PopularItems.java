package dev.kassa.common.recommendation;

import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;
import io.vertx.redis.client.ResponseType;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reading the recommendation model's popularity (see {@link RecommendationKeys}): the commands and the
 * meaning of their answers, shared by the recommendation service and the cart's fallback, which reads
 * a store's popular items from the same Redis when the service is away.
 */
public final class PopularItems {
    private PopularItems() {
    }

    /** An item with its score: a share of baskets between 0 and 1. */
    public record Scored(String itemCode, double score) {
    }

    public static final Comparator<Scored> BEST_FIRST =
            Comparator.comparingDouble(Scored::score).reversed().thenComparing(Scored::itemCode);

    /** The four reads of {@link #ranked}: store popular, store baskets, tenant popular, tenant baskets. */
    public static List<Request> reads(String tenant, String store, int count) {
        return List.of(top(RecommendationKeys.storePopular(tenant, store), count),
                Request.cmd(Command.GET).arg(RecommendationKeys.storeBaskets(tenant, store)),
                top(RecommendationKeys.tenantPopular(tenant), count),
                Request.cmd(Command.GET).arg(RecommendationKeys.tenantBaskets(tenant)));
    }

    /**
     * Popular items from the answers to {@link #reads} (from {@code at} on), best first: the store's,
     * then the tenant's to fill up (an item once, with its store score), none of {@code unwanted}.
     */
    public static List<Scored> ranked(List<Response> answers, int at, Set<String> unwanted) {
        return ranked(scored(answers.get(at)), number(answers.get(at + 1)),
                scored(answers.get(at + 2)), number(answers.get(at + 3)), unwanted);
    }

    /** As above, from the store's and the tenant's popular items (counts) and basket totals. */
    public static List<Scored> ranked(List<Scored> store, double storeBaskets, List<Scored> tenant,
                                      double tenantBaskets, Set<String> unwanted) {
        Map<String, Scored> all = new LinkedHashMap<>();
        add(all, unwanted, store, storeBaskets);
        add(all, unwanted, tenant, tenantBaskets);
        return new ArrayList<>(all.values());
    }

    private static void add(Map<String, Scored> all, Set<String> unwanted, List<Scored> popular, double baskets) {
        if (baskets <= 0) {
            return;
        }
        List<Scored> found = new ArrayList<>();
        for (Scored p : popular) {
            if (p.score() > 0 && !unwanted.contains(p.itemCode()) && !all.containsKey(p.itemCode())) {
                found.add(new Scored(p.itemCode(), bounded(p.score() / baskets)));
            }
        }
        found.sort(BEST_FIRST);
        found.forEach(s -> all.putIfAbsent(s.itemCode(), s));
    }

    /** Which of {@code items} master data deleted: send, then read the answer with {@link #members}. */
    public static Request deleted(String tenant, List<String> items) {
        Request r = Request.cmd(Command.SMISMEMBER).arg(RecommendationKeys.deletedItems(tenant));
        items.forEach(r::arg);
        return r;
    }

    public static Set<String> members(Response answer, List<String> asked) {
        Set<String> found = new HashSet<>();
        for (int i = 0; i < asked.size(); i++) {
            if (answer.get(i).toInteger() == 1) {
                found.add(asked.get(i));
            }
        }
        return found;
    }

    public static Request top(String key, int count) {
        return Request.cmd(Command.ZREVRANGE).arg(key).arg(0).arg(count - 1).arg("WITHSCORES");
    }

    /** A WITHSCORES reply: pairs under RESP3, a flat member-score list under RESP2. */
    public static List<Scored> scored(Response response) {
        List<Scored> scored = new ArrayList<>();
        if (response == null || response.size() == 0) {
            return scored;
        }
        if (response.get(0).type() == ResponseType.MULTI) {
            for (Response pair : response) {
                scored.add(new Scored(pair.get(0).toString(), pair.get(1).toDouble()));
            }
        } else {
            for (int i = 0; i + 1 < response.size(); i += 2) {
                scored.add(new Scored(response.get(i).toString(), response.get(i + 1).toDouble()));
            }
        }
        return scored;
    }

    public static double number(Response response) {
        return response == null ? 0 : Double.parseDouble(response.toString());
    }

    /** Sums of floating weights may stray a hair outside [0, 1]. */
    public static double bounded(double share) {
        return Math.max(0, Math.min(1, share));
    }
}
