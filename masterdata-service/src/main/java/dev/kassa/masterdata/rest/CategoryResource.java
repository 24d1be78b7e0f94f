package dev.kassa.masterdata.rest;

import dev.kassa.common.api.ApiResponse;
import dev.kassa.common.api.PageRequest;
import dev.kassa.common.auth.CallerContext;
import dev.kassa.common.auth.Roles;
import dev.kassa.masterdata.service.CategoryService;
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

/** Categories. Reads: users and terminals of the tenant; writes: users only. */
@Path("/api/v1/tenants/{tenant_id}/categories")
@Produces(MediaType.APPLICATION_JSON)
public class CategoryResource {

    @Inject
    CallerContext callers;

    @Inject
    CategoryService service;

    @Inject
    Views views;

    @RolesAllowed({Roles.OWNER, Roles.MANAGER})
    @POST
    @ResponseStatus(201)
    public Uni<ApiResponse<CategoryView>> create(@RestPath("tenant_id") String tenantId, @Valid @NotNull CategoryCreate body) {
        callers.userOfTenant(tenantId);
        return service.create(tenantId, body).map(x -> ApiResponse.created(views.category(x),
                "Category " + body.categoryCode() + " created", "create_category"));
    }

    @RolesAllowed({Roles.OWNER, Roles.MANAGER, Roles.CASHIER, Roles.TERMINAL, Roles.SERVICE})
    @GET
    public Uni<ApiResponse<List<CategoryView>>> list(@RestPath("tenant_id") String tenantId, @RestQuery Integer page,
                                               @RestQuery Integer limit, @RestQuery String sort) {
        callers.forTenant(tenantId);
        PageRequest request = PageRequest.of(page, limit, sort, CategoryService.SORTABLE);
        return service.list(tenantId, request).map(p -> Paging.answer(p, request, null, views::category,
                "Categories found for tenant " + tenantId, "get_categories"));
    }

    @RolesAllowed({Roles.OWNER, Roles.MANAGER, Roles.CASHIER, Roles.TERMINAL, Roles.SERVICE})
    @GET
    @Path("{category_code}")
    public Uni<ApiResponse<CategoryView>> get(@RestPath("tenant_id") String tenantId, @RestPath("category_code") String code) {
        callers.forTenant(tenantId);
        return service.get(tenantId, code).map(x -> ApiResponse.ok(views.category(x), "Category " + code + " found",
                "get_category"));
    }

    @RolesAllowed({Roles.OWNER, Roles.MANAGER})
    @PUT
    @Path("{category_code}")
    public Uni<ApiResponse<CategoryView>> update(@RestPath("tenant_id") String tenantId, @RestPath("category_code") String code,
                                           @Valid @NotNull CategoryUpdate body) {
        callers.userOfTenant(tenantId);
        return service.update(tenantId, code, body).map(x -> ApiResponse.ok(views.category(x),
                "Category " + code + " updated", "update_category"));
    }

    @RolesAllowed({Roles.OWNER, Roles.MANAGER})
    @DELETE
    @Path("{category_code}")
    public Uni<ApiResponse<CategoryDeleted>> delete(@RestPath("tenant_id") String tenantId, @RestPath("category_code") String code) {
        callers.userOfTenant(tenantId);
        return service.delete(tenantId, code).map(v -> ApiResponse.ok(new CategoryDeleted(code),
                "Category " + code + " deleted", "delete_category"));
    }
}
