package dev.kassa.cart.service;

import dev.kassa.cart.client.Recommendations;
import dev.kassa.cart.client.Recommendations.Suggested;
import dev.kassa.cart.domain.Cart;
import dev.kassa.cart.domain.LineItem;
import dev.kassa.common.api.ApiException;
import dev.kassa.common.recommendation.PopularItems;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Request;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * "Customers who bought this also bought" for an open cart: the recommendation service's answer for
 * the cart's items, else (service away, slow or refusing) the store's popular items read from the
 * model's own Redis, else an empty list. Never an item in the cart; never a failure once the cart
 * itself was found, so a terminal can ask after every item without risking its sale.
 */
@ApplicationScoped
public class CartRecommendations {
    private static final Logger LOG = Logger.getLogger(CartRecommendations.class);
    public static final int DEFAULT_LIMIT = 5;
    public static final int MAX_LIMIT = 50;
    /** The most cart items sent along (the service's bound): the first ones entered. */
    public static final int MAX_ITEMS = 100;
    /** Popular candidates read beyond the limit, so deleted items never shorten the fallback. */
    private static final int SPARE = 20;

    @Inject
    CartService carts;
    @Inject
    Recommendations service;
    @Inject
    ReactiveRedisDataSource redis;

    public Uni<List<Suggested>> forCart(TerminalCaller caller, String cartId, Integer limit) {
        int n = limit(limit);
        return carts.get(caller, cartId).flatMap(cart -> {
            List<String> items = items(cart);
            Set<String> inCart = Set.copyOf(items);
            String store = caller.terminal().storeCode();
            return service.recommend(caller.tenantId(), store, items, n, caller.credentials())
                    .map(found -> found.stream().filter(s -> !inCart.contains(s.itemCode())).limit(n).toList())
                    .onFailure().recoverWithUni(t -> {
                        LOG.debugf("Recommendations for cart %s from the fallback: %s", cartId, t.toString());
                        return popular(caller.tenantId(), store, inCart, n);
                    });
        });
    }

    /** The store's popular items, then the tenant's, none in the cart or deleted; empty if Redis fails too. */
    Uni<List<Suggested>> popular(String tenant, String store, Set<String> inCart, int limit) {
        List<Request> reads = PopularItems.reads(tenant, store, limit + inCart.size() + SPARE);
        return redis.getRedis().batch(reads).flatMap(answers -> {
            List<PopularItems.Scored> ranked = PopularItems.ranked(answers, 0, inCart);
            List<PopularItems.Scored> candidates = ranked.subList(0, Math.min(ranked.size(), limit + SPARE));
            if (candidates.isEmpty()) {
                return Uni.createFrom().item(List.<Suggested>of());
            }
            List<String> codes = candidates.stream().map(PopularItems.Scored::itemCode).toList();
            return redis.getRedis().send(PopularItems.deleted(tenant, codes))
                    .map(answer -> PopularItems.members(answer, codes))
                    .map(deleted -> candidates.stream().filter(c -> !deleted.contains(c.itemCode())).limit(limit)
                            .map(c -> new Suggested(c.itemCode(), c.score(), "popular")).toList());
        }).onFailure().recoverWithItem(t -> {
            LOG.debugf("No fallback recommendations for tenant %s: %s", tenant, t.toString());
            return List.of();
        });
    }

    /** The codes of the cart's live lines, once each, in the order entered. */
    static List<String> items(Cart cart) {
        Set<String> codes = new LinkedHashSet<>();
        for (LineItem line : cart.lineItems()) {
            if (!line.isCancelled() && line.itemCode() != null && codes.size() < MAX_ITEMS) {
                codes.add(line.itemCode());
            }
        }
        return new ArrayList<>(codes);
    }

    static int limit(Integer limit) {
        if (limit == null) {
            return DEFAULT_LIMIT;
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ApiException.validation("Invalid input data: limit must be between 1 and " + MAX_LIMIT);
        }
        return limit;
    }
}
