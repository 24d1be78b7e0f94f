package dev.kassa.recommendation.repository;

import dev.kassa.common.recommendation.PopularItems;
import dev.kassa.common.recommendation.RecommendationKeys;
import dev.kassa.recommendation.config.RecommendationConfig;
import dev.kassa.recommendation.domain.BasketChange;
import dev.kassa.recommendation.domain.Decay;
import dev.kassa.recommendation.domain.ModelView;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;
import io.vertx.mutiny.redis.client.Command;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The model in Redis, shared by every replica; the key layout is common's {@link RecommendationKeys}
 * (callers read a store's popular items from it when this service is away).
 * <ul>
 *   <li>{@code rec:{T}:n:S:I} sorted set: item I's neighbours in store S with their co-occurrence,
 *       and I itself with its own basket count; the strongest {@code neighbours} are kept;</li>
 *   <li>{@code rec:{T}:pop:S} / {@code rec:{T}:pop} sorted sets: baskets per item in the store / the
 *       tenant, the top {@code popular} kept; {@code rec:{T}:baskets:S} / {@code rec:{T}:baskets}
 *       their basket totals;</li>
 *   <li>{@code rec:{T}:done:E}: event E was applied (expires after the dedupe window);</li>
 *   <li>{@code rec:{T}:deleted} set: items master data deleted.</li>
 * </ul>
 * Scores are decay-scaled weights ({@link Decay}).
 */
@ApplicationScoped
public class ModelStore {
    /**
     * One basket change, all or nothing: the event id is claimed (SET NX) in the same script that
     * applies it, so a redelivery, or a crash between the two, can never count a basket twice.
     * KEYS: done, store popular, store baskets, tenant popular, tenant baskets, then the items'
     * neighbour sets. ARGV: weight, dedupe seconds, neighbours kept, popular kept, prune floor,
     * idle seconds, then the items.
     */
    static final String APPLY = """
            if not redis.call('SET', KEYS[1], '1', 'NX', 'EX', ARGV[2]) then return 0 end
            local w, keep, popular, floor, idle = ARGV[1], tonumber(ARGV[3]), tonumber(ARGV[4]), '(' .. ARGV[5], ARGV[6]
            local n = #ARGV - 6
            for b = 3, 5, 2 do
              redis.call('INCRBYFLOAT', KEYS[b], w)
              redis.call('EXPIRE', KEYS[b], idle)
            end
            for p = 2, 4, 2 do
              for i = 1, n do redis.call('ZINCRBY', KEYS[p], w, ARGV[6 + i]) end
              redis.call('ZREMRANGEBYSCORE', KEYS[p], '-inf', floor)
              redis.call('ZREMRANGEBYRANK', KEYS[p], 0, -(popular + 1))
              redis.call('EXPIRE', KEYS[p], idle)
            end
            for i = 1, n do
              local key = KEYS[5 + i]
              for j = 1, n do redis.call('ZINCRBY', key, w, ARGV[6 + j]) end
              redis.call('ZREMRANGEBYSCORE', key, '-inf', floor)
              redis.call('ZREMRANGEBYRANK', key, 0, -(keep + 2))
              redis.call('EXPIRE', key, idle)
            end
            return 1
            """;

    @Inject
    Redis redis;
    @Inject
    RecommendationConfig config;

    private Decay decay;

    @PostConstruct
    void init() {
        decay = new Decay(config.halfLife());
    }

    /** Applies the changes in order, in one pipeline; answers how many were new (not applied before). */
    public Uni<Integer> apply(List<BasketChange> changes) {
        if (changes.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        List<Request> requests = new ArrayList<>(changes.size());
        for (BasketChange change : changes) {
            requests.add(applyRequest(change));
        }
        return redis.batch(requests).map(responses -> {
            int applied = 0;
            for (Response r : responses) {
                applied += r != null && r.toInteger() == 1 ? 1 : 0;
            }
            return applied;
        });
    }

    private Request applyRequest(BasketChange change) {
        String t = change.tenantId();
        String s = change.storeCode();
        double weight = decay.weight(change.at());
        List<String> items = change.items();
        Request r = Request.cmd(Command.EVAL).arg(APPLY).arg(5 + items.size())
                .arg(RecommendationKeys.applied(t, change.eventId()))
                .arg(RecommendationKeys.storePopular(t, s)).arg(RecommendationKeys.storeBaskets(t, s))
                .arg(RecommendationKeys.tenantPopular(t)).arg(RecommendationKeys.tenantBaskets(t));
        items.forEach(item -> r.arg(RecommendationKeys.neighbours(t, s, item)));
        r.arg(Double.toString(change.sign() * weight))
                .arg(config.dedupeWindow().toSeconds())
                .arg(config.neighbours())
                .arg(config.popular())
                .arg(Double.toString(weight * config.pruneBelow()))
                .arg(config.idleExpiry().toSeconds());
        items.forEach(r::arg);
        return r;
    }

    /** Everything a recommendation for {@code cart} needs, in one pipeline. */
    public Uni<ModelView> view(String tenant, String store, List<String> cart, int popular) {
        List<Request> requests = new ArrayList<>(cart.size() + 4);
        for (String item : cart) {
            requests.add(PopularItems.top(RecommendationKeys.neighbours(tenant, store, item), config.neighbours() + 1));
        }
        requests.addAll(PopularItems.reads(tenant, store, popular));
        return redis.batch(requests).map(responses -> {
            Map<String, Map<String, Double>> neighbours = new LinkedHashMap<>();
            for (int i = 0; i < cart.size(); i++) {
                Map<String, Double> scores = new LinkedHashMap<>();
                PopularItems.scored(responses.get(i)).forEach(sc -> scores.put(sc.itemCode(), sc.score()));
                neighbours.put(cart.get(i), scores);
            }
            int at = cart.size();
            return new ModelView(neighbours,
                    PopularItems.scored(responses.get(at)), PopularItems.number(responses.get(at + 1)),
                    PopularItems.scored(responses.get(at + 2)), PopularItems.number(responses.get(at + 3)));
        });
    }

    /** Which of {@code items} master data deleted. */
    public Uni<Set<String>> deleted(String tenant, Collection<String> items) {
        if (items.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        List<String> asked = List.copyOf(items);
        return redis.send(PopularItems.deleted(tenant, asked)).map(answer -> PopularItems.members(answer, asked));
    }

    public Uni<Void> markDeleted(String tenant, String item, boolean deleted) {
        return redis.send(Request.cmd(deleted ? Command.SADD : Command.SREM)
                        .arg(RecommendationKeys.deletedItems(tenant)).arg(item))
                .replaceWithVoid();
    }
}
