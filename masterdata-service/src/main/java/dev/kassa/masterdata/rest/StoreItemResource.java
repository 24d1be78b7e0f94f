package dev.kassa.masterdata.rest;

import dev.kassa.common.api.ApiResponse;
import dev.kassa.common.api.PageRequest;
import dev.kassa.common.auth.CallerContext;
import dev.kassa.common.auth.Roles;
import dev.kassa.masterdata.service.StoreItemService;
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

import java.util.List;
import java.util.Map;

/** A store's prices, and {@code …/items/{code}/details}: the item as the cart prices it. */
@Path("/api/v1/tenants/{tenant_id}/stores/{store_code}/items")
@Produces(MediaType.APPLICATION_JSON)
public class StoreItemResource {

    @Inject
    CallerContext callers;

    @Inject
    StoreItemService storeItems;

    @Inject
    Views views;

    @RolesAllowed({Roles.OWNER, Roles.MANAGER})
    @POST
    @ResponseStatus(201)
    public Uni<ApiResponse<StoreItemView>> create(@RestPath("tenant_id") String tenantId,
                                                  @RestPath("store_code") String storeCode,
                                                  @Valid @NotNull StoreItemCreate body) {
        callers.userOfTenant(tenantId);
        return storeItems.create(tenantId, storeCode, body).map(s -> ApiResponse.created(views.storeItem(s),
                "Item " + body.itemCode() + " of store " + storeCode + " created", "create_item_master_async"));
    }

    @RolesAllowed({Roles.OWNER, Roles.MANAGER, Roles.CASHIER, Roles.TERMINAL, Roles.SERVICE})
    @GET
    public Uni<ApiResponse<List<StoreItemView>>> list(@RestPath("tenant_id") String tenantId,
                                                      @RestPath("store_code") String storeCode,
                                                      @RestQuery Integer page, @RestQuery Integer limit,
                                                      @RestQuery String sort) {
        callers.forTenant(tenantId);
        PageRequest request = PageRequest.of(page, limit, sort, StoreItemService.SORTABLE);
        return storeItems.list(tenantId, storeCode, request).map(p -> Paging.answer(p, request,
                Map.of("store_code", storeCode), views::storeItem, "Items of store " + storeCode + " found",
                "get_item_store_master_all_async"));
    }

    @RolesAllowed({Roles.OWNER, Roles.MANAGER, Roles.CASHIER, Roles.TERMINAL, Roles.SERVICE})
    @GET
    @Path("{item_code}")
    public Uni<ApiResponse<StoreItemView>> get(@RestPath("tenant_id") String tenantId,
                                               @RestPath("store_code") String storeCode,
                                               @RestPath("item_code") String itemCode) {
        callers.forTenant(tenantId);
        return storeItems.get(tenantId, storeCode, itemCode).map(s -> ApiResponse.ok(views.storeItem(s),
                "Item " + itemCode + " of store " + storeCode + " found", "get_item_store_master_async"));
    }

    @RolesAllowed({Roles.OWNER, Roles.MANAGER, Roles.CASHIER, Roles.TERMINAL, Roles.SERVICE})
    @GET
    @Path("{item_code}/details")
    public Uni<ApiResponse<ItemDetailView>> details(@RestPath("tenant_id") String tenantId,
                                                    @RestPath("store_code") String storeCode,
                                                    @RestPath("item_code") String itemCode) {
        callers.forTenant(tenantId);
        return storeItems.detail(tenantId, storeCode, itemCode).map(p -> ApiResponse.ok(views.detail(p),
                "Item " + itemCode + " of store " + storeCode + " found", "get_item_store_master_detail_async"));
    }

    @RolesAllowed({Roles.OWNER, Roles.MANAGER})
    @PUT
    @Path("{item_code}")
    public Uni<ApiResponse<StoreItemView>> update(@RestPath("tenant_id") String tenantId,
                                                  @RestPath("store_code") String storeCode,
                                                  @RestPath("item_code") String itemCode,
                                                  @Valid @NotNull StoreItemUpdate body) {
        callers.userOfTenant(tenantId);
        return storeItems.update(tenantId, storeCode, itemCode, body).map(s -> ApiResponse.ok(views.storeItem(s),
                "Item " + itemCode + " of store " + storeCode + " updated", "update_item_store_master_async"));
    }

    @RolesAllowed({Roles.OWNER, Roles.MANAGER})
    @DELETE
    @Path("{item_code}")
    public Uni<ApiResponse<StoreItemDeleted>> delete(@RestPath("tenant_id") String tenantId,
                                                     @RestPath("store_code") String storeCode,
                                                     @RestPath("item_code") String itemCode) {
        callers.userOfTenant(tenantId);
        return storeItems.delete(tenantId, storeCode, itemCode).map(v -> ApiResponse.ok(new StoreItemDeleted(itemCode),
                "Item " + itemCode + " of store " + storeCode + " deleted", "delete_item_store_master_async"));
    }
}
