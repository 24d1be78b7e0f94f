package dev.kassa.terminal.rest;

import dev.kassa.common.api.ApiResponse;
import dev.kassa.common.api.PageRequest;
import dev.kassa.common.api.UserError;
import dev.kassa.common.auth.CallerContext;
import dev.kassa.common.auth.Roles;
import dev.kassa.terminal.domain.Store;
import dev.kassa.terminal.domain.TerminalErrors;
import dev.kassa.terminal.repository.StoreRepository;
import dev.kassa.terminal.rest.Requests.StoreCreate;
import dev.kassa.terminal.rest.Requests.StoreUpdate;
import dev.kassa.terminal.rest.Requests.TenantCreate;
import dev.kassa.terminal.rest.Requests.TenantUpdate;
import dev.kassa.terminal.rest.Views.StoreDeleted;
import dev.kassa.terminal.rest.Views.StoreView;
import dev.kassa.terminal.rest.Views.TenantDeleted;
import dev.kassa.terminal.rest.Views.TenantView;
import dev.kassa.terminal.service.TenantService;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.ResponseStatus;
import org.jboss.resteasy.reactive.RestResponse;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Tenants and their stores. Creating a tenant sets it up in every other service too; if one of them
 * cannot be reached the answer is 503 (407201) naming it, with the tenant and each service's state
 * in {@code data}, and repeating the request completes the setup.
 */
@Path("/api/v1/tenants")
@Produces(MediaType.APPLICATION_JSON)
public class TenantResource {

    @Inject
    CallerContext callers;

    @Inject
    TenantService tenants;

    /** 201 when every service has the tenant; 503 (in the envelope) when some could not be reached. */
    @RolesAllowed(Roles.OWNER)
    @POST
    @ResponseStatus(201) // the answer documented as success; the RestResponse sets each status itself
    public Uni<RestResponse<ApiResponse<TenantView>>> create(@Valid @NotNull TenantCreate body,
                                                             @HeaderParam("Authorization") String authorization) {
        callers.userOfTenant(body.tenantId());
        List<String> tags = body.tags();
        return tenants.create(body.tenantId(), body.tenantName(), tags, authorization).map(state -> {
            TenantView view = Views.tenant(state.tenant(), state.stores(), state.tenant().provisioning);
            if (state.complete()) {
                return RestResponse.status(RestResponse.Status.CREATED, ApiResponse.created(view,
                        "Tenant created successfully for tenant " + body.tenantId(), "create_tenant"));
            }
            String failed = state.failures().entrySet().stream()
                    .map(e -> e.getKey() + " (" + e.getValue() + ")").collect(Collectors.joining(", "));
            String message = "Tenant " + body.tenantId() + " is not fully provisioned; failed: " + failed
                    + ". Repeat the request to complete it.";
            return RestResponse.status(RestResponse.Status.SERVICE_UNAVAILABLE, new ApiResponse<>(false, 503, message,
                    new UserError(TerminalErrors.EXTERNAL_SERVICE, message), view, null,
                    "create_tenant"));
        });
    }

    @RolesAllowed({Roles.OWNER, Roles.MANAGER, Roles.CASHIER, Roles.VIEWER, Roles.TERMINAL, Roles.SERVICE})
    @GET
    @Path("{tenantId}")
    public Uni<ApiResponse<TenantView>> get(@PathParam("tenantId") String tenantId) {
        callers.forTenant(tenantId);
        return tenants.get(tenantId).map(state -> ApiResponse.ok(Views.tenant(state.tenant(), state.stores(), null),
                "Tenant info for tenant " + tenantId, "get_tenant"));
    }

    @RolesAllowed(Roles.OWNER)
    @PUT
    @Path("{tenantId}")
    public Uni<ApiResponse<TenantView>> update(@PathParam("tenantId") String tenantId,
                                               @Valid @NotNull TenantUpdate body) {
        callers.userOfTenant(tenantId);
        return tenants.update(tenantId, body.tenantName(), body.tags())
                .map(state -> ApiResponse.ok(Views.tenant(state.tenant(), state.stores(), null),
                        "Tenant updated successfully for tenant " + tenantId, "update_tenant"));
    }

    @RolesAllowed(Roles.OWNER)
    @DELETE
    @Path("{tenantId}")
    public Uni<ApiResponse<TenantDeleted>> delete(@PathParam("tenantId") String tenantId) {
        callers.userOfTenant(tenantId);
        return tenants.delete(tenantId).map(v -> ApiResponse.ok(new TenantDeleted(tenantId),
                "Tenant deleted successfully for tenant " + tenantId, "delete_tenant"));
    }

    @RolesAllowed({Roles.OWNER, Roles.MANAGER})
    @POST
    @Path("{tenantId}/stores")
    @ResponseStatus(201)
    public Uni<ApiResponse<TenantView>> addStore(@PathParam("tenantId") String tenantId,
                                                 @Valid @NotNull StoreCreate body) {
        callers.userOfTenant(tenantId);
        Store store = new Store();
        store.storeCode = body.storeCode();
        store.storeName = body.storeName();
        store.status = body.status() == null ? Store.IDLE : body.status();
        store.businessDate = body.businessDate();
        store.tags = body.tags() == null ? List.of() : body.tags();
        return tenants.addStore(tenantId, store).map(state -> ApiResponse.created(
                Views.tenant(state.tenant(), state.stores(), null), "Store created successfully for tenant " + tenantId,
                "add_store"));
    }

    @RolesAllowed({Roles.OWNER, Roles.MANAGER, Roles.CASHIER, Roles.VIEWER, Roles.TERMINAL, Roles.SERVICE})
    @GET
    @Path("{tenantId}/stores")
    public Uni<ApiResponse<List<StoreView>>> stores(@PathParam("tenantId") String tenantId,
                                                    @QueryParam("limit") Integer limit,
                                                    @QueryParam("page") Integer page,
                                                    @QueryParam("sort") String sort) {
        callers.forTenant(tenantId);
        PageRequest request = PageRequest.of(page, limit, sort, StoreRepository.SORTABLE);
        return tenants.stores(tenantId, request).map(result -> ApiResponse.page(
                result.stores().stream().map(Views::store).toList(), request.metadata(result.total(), Map.of()),
                "Stores for tenant " + tenantId, "get_stores"));
    }

    @RolesAllowed({Roles.OWNER, Roles.MANAGER, Roles.CASHIER, Roles.VIEWER, Roles.TERMINAL, Roles.SERVICE})
    @GET
    @Path("{tenantId}/stores/{storeCode}")
    public Uni<ApiResponse<StoreView>> store(@PathParam("tenantId") String tenantId,
                                             @PathParam("storeCode") String storeCode) {
        callers.forTenant(tenantId);
        return tenants.store(tenantId, storeCode).map(store -> ApiResponse.ok(Views.store(store),
                "Store info for tenant " + tenantId + " store " + storeCode, "get_store"));
    }

    @RolesAllowed({Roles.OWNER, Roles.MANAGER})
    @PUT
    @Path("{tenantId}/stores/{storeCode}")
    public Uni<ApiResponse<StoreView>> updateStore(@PathParam("tenantId") String tenantId,
                                                   @PathParam("storeCode") String storeCode,
                                                   @Valid @NotNull StoreUpdate body) {
        callers.userOfTenant(tenantId);
        return tenants.updateStore(tenantId, storeCode, body.storeName(), body.status(), body.businessDate(),
                body.tags()).map(store -> ApiResponse.ok(Views.store(store),
                "Store updated successfully for tenant " + tenantId + " store " + storeCode, "update_store"));
    }

    @RolesAllowed({Roles.OWNER, Roles.MANAGER})
    @DELETE
    @Path("{tenantId}/stores/{storeCode}")
    public Uni<ApiResponse<StoreDeleted>> deleteStore(@PathParam("tenantId") String tenantId,
                                                      @PathParam("storeCode") String storeCode) {
        callers.userOfTenant(tenantId);
        return tenants.deleteStore(tenantId, storeCode).map(v -> ApiResponse.ok(new StoreDeleted(storeCode),
                "Store deleted successfully for tenant " + tenantId + " store " + storeCode, "delete_store"));
    }
}
