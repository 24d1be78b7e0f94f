package dev.kassa.recommendation.rest;

import dev.kassa.common.api.QueryValues;
import dev.kassa.common.api.ApiResponse;
import dev.kassa.common.auth.CallerContext;
import dev.kassa.common.auth.Roles;
import dev.kassa.recommendation.domain.Recommendation;
import dev.kassa.recommendation.service.Recommender;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;

import java.util.ArrayList;
import java.util.List;

/**
 * The HTTP mirror of {@code RecommendationService.Recommend} for back-office apps and tests: any
 * user or terminal of the tenant may ask for any of its stores.
 */
@Path("/api/v1/tenants/{tenantId}/stores/{storeCode}/recommendations")
public class RecommendationResource {

    @Inject
    CallerContext callers;
    @Inject
    Recommender recommender;

    /** {@code item_codes}: the cart's items, comma-separated (the parameter may also repeat; blanks are skipped). */
    @RolesAllowed({Roles.OWNER, Roles.MANAGER, Roles.CASHIER, Roles.TERMINAL, Roles.SERVICE})
    @GET
    public Uni<ApiResponse<List<RecommendationView>>> recommend(@PathParam("tenantId") String tenantId,
                                                                @PathParam("storeCode") String storeCode,
                                                                @QueryParam("item_codes") List<String> itemCodes,
                                                                @QueryParam("limit") String limit) {
        callers.forTenant(tenantId);
        List<String> items = split(itemCodes);
        int checked = Recommender.check(tenantId, storeCode, items, QueryValues.optionalInt("limit", limit));
        return recommender.recommend(tenantId, storeCode, items, checked)
                .map(found -> ApiResponse.ok(found.stream().map(RecommendationView::of).toList(),
                        "Recommendations retrieved successfully", "get_recommendations"));
    }

    public record RecommendationView(String itemCode, double score, String reason) {
        static RecommendationView of(Recommendation r) {
            return new RecommendationView(r.itemCode(), r.score(), r.reason().code());
        }
    }

    private static List<String> split(List<String> values) {
        List<String> items = new ArrayList<>();
        if (values != null) {
            for (String value : values) {
                for (String part : value.split(",")) {
                    if (!part.isBlank()) {
                        items.add(part.trim());
                    }
                }
            }
        }
        return items;
    }
}
