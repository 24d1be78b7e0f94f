package dev.kassa.masterdata.rest;

import dev.kassa.common.api.ApiResponse;
import dev.kassa.common.api.PageRequest;
import dev.kassa.common.auth.CallerContext;
import dev.kassa.common.auth.Roles;
import dev.kassa.masterdata.service.ItemMasterService;
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

/**
 * The common item master. {@code DELETE ?is_logical=true} only marks an item deleted; reads see
 * deleted items only with {@code is_logical_deleted=true} (and then only those).
 */
@Path("/api/v1/tenants/{tenant_id}/items")
@Produces(MediaType.APPLICATION_JSON)
public class ItemResource {

    @Inject
    CallerContext callers;

    @Inject
    ItemMasterService items;

    @Inject
    Views views;

    @RolesAllowed({Roles.OWNER, Roles.MANAGER})
    @POST
    @ResponseStatus(201)
    public Uni<ApiResponse<ItemView>> create(@RestPath("tenant_id") String tenantId, @Valid @NotNull ItemCreate body) {
        callers.userOfTenant(tenantId);
        return items.create(tenantId, body).map(i -> ApiResponse.created(views.item(i),
                "Item " + i.itemCode + " created", "create_item_master_async"));
    }

    @RolesAllowed({Roles.OWNER, Roles.MANAGER, Roles.CASHIER, Roles.TERMINAL, Roles.SERVICE})
    @GET
    public Uni<ApiResponse<List<ItemView>>> list(@RestPath("tenant_id") String tenantId, @RestQuery Integer page,
                                                 @RestQuery Integer limit, @RestQuery String sort,
                                                 @RestQuery("is_logical_deleted") Boolean deleted) {
        callers.forTenant(tenantId);
        boolean onlyDeleted = Boolean.TRUE.equals(deleted);
        PageRequest request = PageRequest.of(page, limit, sort, ItemMasterService.SORTABLE);
        return items.list(tenantId, request, onlyDeleted).map(p -> Paging.answer(p, request,
                Map.of("is_deleted", onlyDeleted), views::item, "Items found for tenant " + tenantId,
                "get_item_master_all_async"));
    }

    @RolesAllowed({Roles.OWNER, Roles.MANAGER, Roles.CASHIER, Roles.TERMINAL, Roles.SERVICE})
    @GET
    @Path("{item_code}")
    public Uni<ApiResponse<ItemView>> get(@RestPath("tenant_id") String tenantId, @RestPath("item_code") String code,
                                          @RestQuery("is_logical_deleted") Boolean deleted) {
        callers.forTenant(tenantId);
        return items.get(tenantId, code, Boolean.TRUE.equals(deleted)).map(i -> ApiResponse.ok(views.item(i),
                "Item " + code + " found", "get_item_master_async"));
    }

    @RolesAllowed({Roles.OWNER, Roles.MANAGER})
    @PUT
    @Path("{item_code}")
    public Uni<ApiResponse<ItemView>> update(@RestPath("tenant_id") String tenantId, @RestPath("item_code") String code,
                                             @Valid @NotNull ItemUpdate body) {
        callers.userOfTenant(tenantId);
        return items.update(tenantId, code, body).map(i -> ApiResponse.ok(views.item(i),
                "Item " + code + " updated", "update_item_master_async"));
    }

    @RolesAllowed({Roles.OWNER, Roles.MANAGER})
    @DELETE
    @Path("{item_code}")
    public Uni<ApiResponse<ItemDeleted>> delete(@RestPath("tenant_id") String tenantId,
                                                @RestPath("item_code") String code,
                                                @RestQuery("is_logical") Boolean logical) {
        callers.userOfTenant(tenantId);
        boolean isLogical = Boolean.TRUE.equals(logical);
        return items.delete(tenantId, code, isLogical).map(v -> ApiResponse.ok(new ItemDeleted(code, isLogical),
                "Item " + code + (isLogical ? " logically" : "") + " deleted", "delete_item_master_async"));
    }
}
