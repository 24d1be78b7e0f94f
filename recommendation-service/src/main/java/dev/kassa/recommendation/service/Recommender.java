package dev.kassa.recommendation.service;

import dev.kassa.common.api.ApiException;
import dev.kassa.common.api.Limits;
import dev.kassa.common.tenant.TenantIds;
import dev.kassa.recommendation.config.RecommendationConfig;
import dev.kassa.recommendation.domain.Ranking;
import dev.kassa.recommendation.domain.Recommendation;
import dev.kassa.recommendation.repository.ModelStore;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Pattern;

/** Recommendations for a cart: the bounds of a question, the model's answer, deleted items left out. */
@ApplicationScoped
public class Recommender {
    public static final int DEFAULT_LIMIT = 5;
    public static final int MAX_LIMIT = 50;
    /** Items of one question; a cart holds more lines, but its first hundred distinct items say enough. */
    public static final int MAX_ITEMS = 100;
    /** Candidates checked against deleted items beyond the limit, so a few deletions never shorten the answer. */
    static final int SPARE = 50;
    private static final Pattern NO_CONTROL_CHARACTERS = Pattern.compile(Limits.NO_CONTROL_CHARACTERS);

    @Inject
    ModelStore model;
    @Inject
    RecommendationConfig config;

    /** The answer for checked input; see {@link #check}. */
    public Uni<List<Recommendation>> recommend(String tenant, String store, List<String> items, int limit) {
        List<String> cart = new ArrayList<>(new LinkedHashSet<>(items));
        int popular = Math.min(config.popular(), limit + cart.size() + SPARE);
        return model.view(tenant, store, cart, popular).flatMap(view -> {
            List<Recommendation> ordered = Ranking.ordered(view, cart);
            List<Recommendation> candidates = ordered.subList(0, Math.min(ordered.size(), limit + SPARE));
            return model.deleted(tenant, candidates.stream().map(Recommendation::itemCode).toList())
                    .map(deleted -> Ranking.top(candidates, deleted, limit));
        });
    }

    /**
     * The limit to use, after checking the question: a tenant id (400/300003), a store code and item
     * codes within a code's bounds, at most {@link #MAX_ITEMS} items, a limit of 1 to {@link #MAX_LIMIT}
     * ({@code null}: the default). Anything else is a 422.
     */
    public static int check(String tenant, String store, List<String> items, Integer limit) {
        TenantIds.require(tenant);
        if (!isCode(store)) {
            throw ApiException.validation("Invalid input data: store_code must be a code of 1 to "
                    + Limits.CODE_MAX + " characters without control characters");
        }
        if (items.size() > MAX_ITEMS) {
            throw ApiException.validation("Invalid input data: at most " + MAX_ITEMS + " item codes");
        }
        for (String item : items) {
            if (!isCode(item)) {
                throw ApiException.validation("Invalid input data: item codes must be codes of 1 to "
                        + Limits.CODE_MAX + " characters without control characters");
            }
        }
        if (limit == null) {
            return DEFAULT_LIMIT;
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ApiException.validation("Invalid input data: limit must be between 1 and " + MAX_LIMIT);
        }
        return limit;
    }

    private static boolean isCode(String value) {
        return value != null && !value.isBlank() && value.length() <= Limits.CODE_MAX
                && NO_CONTROL_CHARACTERS.matcher(value).matches();
    }
}
