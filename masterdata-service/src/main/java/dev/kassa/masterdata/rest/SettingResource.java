package dev.kassa.masterdata.rest;

import dev.kassa.common.api.ApiResponse;
import dev.kassa.common.api.PageRequest;
import dev.kassa.common.auth.CallerContext;
import dev.kassa.common.auth.Roles;
import dev.kassa.masterdata.service.SettingService;
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

/** Settings, and {@code …/{name}/value?store_code&terminal_no}: the value that applies there. */
@Path("/api/v1/tenants/{tenant_id}/settings")
@Produces(MediaType.APPLICATION_JSON)
public class SettingResource {

    @Inject
    CallerContext callers;

    @Inject
    SettingService settings;

    @Inject
    Views views;

    @RolesAllowed({Roles.OWNER, Roles.MANAGER})
    @POST
    @ResponseStatus(201)
    public Uni<ApiResponse<SettingView>> create(@RestPath("tenant_id") String tenantId,
                                                @Valid @NotNull SettingCreate body) {
        callers.userOfTenant(tenantId);
        return settings.create(tenantId, body.name(), body.defaultValue(), body.values()).map(s -> ApiResponse.created(
                views.setting(s), "Setting " + s.name + " created", "create_settings_master_async"));
    }

    @RolesAllowed({Roles.OWNER, Roles.MANAGER, Roles.CASHIER, Roles.TERMINAL, Roles.SERVICE})
    @GET
    public Uni<ApiResponse<List<SettingView>>> list(@RestPath("tenant_id") String tenantId, @RestQuery Integer page,
                                                    @RestQuery Integer limit, @RestQuery String sort) {
        callers.forTenant(tenantId);
        PageRequest request = PageRequest.of(page, limit, sort, SettingService.SORTABLE);
        return settings.list(tenantId, request).map(p -> Paging.answer(p, request, null, views::setting,
                "Settings found for tenant " + tenantId, "get_settings_master_async"));
    }

    @RolesAllowed({Roles.OWNER, Roles.MANAGER, Roles.CASHIER, Roles.TERMINAL, Roles.SERVICE})
    @GET
    @Path("{name}")
    public Uni<ApiResponse<SettingView>> get(@RestPath("tenant_id") String tenantId, @RestPath String name) {
        callers.forTenant(tenantId);
        return settings.get(tenantId, name).map(s -> ApiResponse.ok(views.setting(s), "Setting " + name + " found",
                "get_settings_master_by_name_async"));
    }

    @RolesAllowed({Roles.OWNER, Roles.MANAGER, Roles.CASHIER, Roles.TERMINAL, Roles.SERVICE})
    @GET
    @Path("{name}/value")
    public Uni<ApiResponse<SettingValueView>> value(@RestPath("tenant_id") String tenantId, @RestPath String name,
                                                    @RestQuery("store_code") String storeCode,
                                                    @RestQuery("terminal_no") Integer terminalNo) {
        callers.forTenant(tenantId);
        return settings.value(tenantId, name, storeCode, terminalNo).map(v -> ApiResponse.ok(new SettingValueView(v),
                "Value of setting " + name + " found", "get_settings_value_by_name_async"));
    }

    @RolesAllowed({Roles.OWNER, Roles.MANAGER})
    @PUT
    @Path("{name}")
    public Uni<ApiResponse<SettingView>> update(@RestPath("tenant_id") String tenantId, @RestPath String name,
                                                @Valid @NotNull SettingUpdate body) {
        callers.userOfTenant(tenantId);
        return settings.update(tenantId, name, body.defaultValue(), body.values()).map(s -> ApiResponse.ok(
                views.setting(s), "Setting " + name + " updated", "update_settings_master_async"));
    }

    @RolesAllowed({Roles.OWNER, Roles.MANAGER})
    @DELETE
    @Path("{name}")
    public Uni<ApiResponse<SettingDeleted>> delete(@RestPath("tenant_id") String tenantId, @RestPath String name) {
        callers.userOfTenant(tenantId);
        return settings.delete(tenantId, name).map(v -> ApiResponse.ok(new SettingDeleted(name),
                "Setting " + name + " deleted", "delete_settings_master_async"));
    }
}
