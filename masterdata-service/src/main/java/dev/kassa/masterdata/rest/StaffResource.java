package dev.kassa.masterdata.rest;

import dev.kassa.common.api.ApiResponse;
import dev.kassa.common.api.PageRequest;
import dev.kassa.common.auth.CallerContext;
import dev.kassa.common.auth.Roles;
import dev.kassa.masterdata.service.StaffService;
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

/** Staff. Reads: users and terminals of the tenant; writes: users only. The PIN is never answered. */
@Path("/api/v1/tenants/{tenant_id}/staff")
@Produces(MediaType.APPLICATION_JSON)
public class StaffResource {

    @Inject
    CallerContext callers;

    @Inject
    StaffService staff;

    @Inject
    Views views;

    @RolesAllowed({Roles.OWNER, Roles.MANAGER})
    @POST
    @ResponseStatus(201)
    public Uni<ApiResponse<StaffView>> create(@RestPath("tenant_id") String tenantId,
                                              @Valid @NotNull StaffCreate body) {
        callers.userOfTenant(tenantId);
        return staff.create(tenantId, body).map(s -> ApiResponse.created(views.staff(s),
                "Staff " + s.id + " created", "create_staff_master_async"));
    }

    @RolesAllowed({Roles.OWNER, Roles.MANAGER, Roles.CASHIER, Roles.TERMINAL, Roles.SERVICE})
    @GET
    public Uni<ApiResponse<List<StaffView>>> list(@RestPath("tenant_id") String tenantId, @RestQuery Integer page,
                                                  @RestQuery Integer limit, @RestQuery String sort) {
        callers.forTenant(tenantId);
        PageRequest request = PageRequest.of(page, limit, sort, StaffService.SORTABLE);
        return staff.list(tenantId, request).map(p -> Paging.answer(p, request, null, views::staff,
                "Staff found for tenant " + tenantId, "get_staff_master_all_async"));
    }

    @RolesAllowed({Roles.OWNER, Roles.MANAGER, Roles.CASHIER, Roles.TERMINAL, Roles.SERVICE})
    @GET
    @Path("{staff_id}")
    public Uni<ApiResponse<StaffView>> get(@RestPath("tenant_id") String tenantId,
                                           @RestPath("staff_id") String staffId) {
        callers.forTenant(tenantId);
        return staff.get(tenantId, staffId).map(s -> ApiResponse.ok(views.staff(s), "Staff " + staffId + " found",
                "get_staff_master_async"));
    }

    @RolesAllowed({Roles.OWNER, Roles.MANAGER})
    @PUT
    @Path("{staff_id}")
    public Uni<ApiResponse<StaffView>> update(@RestPath("tenant_id") String tenantId,
                                              @RestPath("staff_id") String staffId,
                                              @Valid @NotNull StaffUpdate body) {
        callers.userOfTenant(tenantId);
        return staff.update(tenantId, staffId, body).map(s -> ApiResponse.ok(views.staff(s),
                "Staff " + staffId + " updated", "update_staff_master_async"));
    }

    @RolesAllowed({Roles.OWNER, Roles.MANAGER})
    @DELETE
    @Path("{staff_id}")
    public Uni<ApiResponse<StaffDeleted>> delete(@RestPath("tenant_id") String tenantId,
                                                 @RestPath("staff_id") String staffId) {
        callers.userOfTenant(tenantId);
        return staff.delete(tenantId, staffId).map(v -> ApiResponse.ok(new StaffDeleted(staffId),
                "Staff " + staffId + " deleted", "delete_staff_master_async"));
    }
}
