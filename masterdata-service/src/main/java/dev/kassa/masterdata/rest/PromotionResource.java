package dev.kassa.masterdata.rest;

import dev.kassa.common.api.ApiResponse;
import dev.kassa.common.api.PageRequest;
import dev.kassa.common.auth.CallerContext;
import dev.kassa.common.auth.Roles;
import dev.kassa.masterdata.service.PromotionService;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.ResponseStatus;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Promotions. Query parameters come in Kugel's camelCase ({@code promotionType}, {@code isActive},
 * {@code storeCode}, {@code categoryCode}) or snake_case.
 */
@Path("/api/v1/tenants/{tenant_id}/promotions")
@Produces(MediaType.APPLICATION_JSON)
public class PromotionResource {

    @Inject
    CallerContext callers;

    @Inject
    PromotionService promotions;

    @Inject
    Views views;

    @RolesAllowed({Roles.OWNER, Roles.MANAGER})
    @POST
    @ResponseStatus(201)
    public Uni<ApiResponse<PromotionView>> create(@RestPath("tenant_id") String tenantId,
                                                  @Valid @NotNull PromotionCreate body) {
        callers.userOfTenant(tenantId);
        return promotions.create(tenantId, body).map(p -> ApiResponse.created(views.promotion(p),
                "Promotion " + p.promotionCode + " created", "create_promotion"));
    }

    @RolesAllowed({Roles.OWNER, Roles.MANAGER, Roles.CASHIER, Roles.TERMINAL, Roles.SERVICE})
    @GET
    public Uni<ApiResponse<List<PromotionView>>> list(@RestPath("tenant_id") String tenantId, @RestQuery Integer page,
                                                      @RestQuery Integer limit, @RestQuery String sort,
                                                      @RestQuery String promotionType,
                                                      @RestQuery("promotion_type") String promotionTypeSnake,
                                                      @RestQuery Boolean isActive,
                                                      @RestQuery("is_active") Boolean isActiveSnake) {
        callers.forTenant(tenantId);
        String type = promotionType != null ? promotionType : promotionTypeSnake;
        Boolean active = isActive != null ? isActive : isActiveSnake;
        PageRequest request = PageRequest.of(page, limit, sort, PromotionService.SORTABLE,
                PromotionService.DEFAULT_LIMIT, PageRequest.MAX_LIMIT);
        Map<String, Object> filter = new LinkedHashMap<>();
        if (type != null) {
            filter.put("promotion_type", type);
        }
        if (active != null) {
            filter.put("is_active", active);
        }
        return promotions.list(tenantId, request, type, active).map(p -> Paging.answer(p, request,
                filter.isEmpty() ? null : filter, views::promotion, "Promotions found for tenant " + tenantId,
                "get_promotions"));
    }

    @RolesAllowed({Roles.OWNER, Roles.MANAGER, Roles.CASHIER, Roles.TERMINAL, Roles.SERVICE})
    @GET
    @Path("active")
    public Uni<ApiResponse<List<PromotionView>>> active(@RestPath("tenant_id") String tenantId,
                                                        @RestQuery String storeCode,
                                                        @RestQuery("store_code") String storeCodeSnake,
                                                        @RestQuery String categoryCode,
                                                        @RestQuery("category_code") String categoryCodeSnake,
                                                        @RestQuery String promotionType,
                                                        @RestQuery("promotion_type") String promotionTypeSnake) {
        callers.forTenant(tenantId);
        String store = storeCode != null ? storeCode : storeCodeSnake;
        String category = categoryCode != null ? categoryCode : categoryCodeSnake;
        String type = promotionType != null ? promotionType : promotionTypeSnake;
        return promotions.active(tenantId, store, category, type).map(list -> ApiResponse.ok(
                list.stream().map(views::promotion).toList(), "Active promotions found for tenant " + tenantId,
                "get_active_promotions"));
    }

    @RolesAllowed({Roles.OWNER, Roles.MANAGER, Roles.CASHIER, Roles.TERMINAL, Roles.SERVICE})
    @GET
    @Path("{promotion_code}")
    public Uni<ApiResponse<PromotionView>> get(@RestPath("tenant_id") String tenantId,
                                               @RestPath("promotion_code") String code) {
        callers.forTenant(tenantId);
        return promotions.get(tenantId, code).map(p -> ApiResponse.ok(views.promotion(p),
                "Promotion " + code + " found", "get_promotion"));
    }

    @RolesAllowed({Roles.OWNER, Roles.MANAGER})
    @PUT
    @Path("{promotion_code}")
    public Uni<ApiResponse<PromotionView>> update(@RestPath("tenant_id") String tenantId,
                                                  @RestPath("promotion_code") String code,
                                                  @Valid @NotNull PromotionUpdate body) {
        callers.userOfTenant(tenantId);
        return promotions.update(tenantId, code, body).map(p -> ApiResponse.ok(views.promotion(p),
                "Promotion " + code + " updated", "update_promotion"));
    }

    @RolesAllowed({Roles.OWNER, Roles.MANAGER})
    @DELETE
    @Path("{promotion_code}")
    public Uni<ApiResponse<PromotionDeleted>> delete(@RestPath("tenant_id") String tenantId,
                                                     @RestPath("promotion_code") String code) {
        callers.userOfTenant(tenantId);
        return promotions.delete(tenantId, code).map(v -> ApiResponse.ok(new PromotionDeleted(code),
                "Promotion " + code + " deleted", "delete_promotion"));
    }
}
