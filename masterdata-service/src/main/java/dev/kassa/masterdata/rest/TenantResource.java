package dev.kassa.masterdata.rest;

import dev.kassa.common.api.ApiException;
import dev.kassa.common.api.ApiResponse;
import dev.kassa.common.auth.Caller;
import dev.kassa.common.auth.CallerContext;
import dev.kassa.common.auth.Roles;
import dev.kassa.masterdata.service.TenantService;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.ResponseStatus;

/**
 * {@code POST /api/v1/tenants}: sets up the tenant's schema. Idempotent (the terminal service
 * calls it whenever it creates a tenant). A user of that tenant or a service acting for it may
 * call it; a terminal may not.
 */
@Path("/api/v1/tenants")
@Produces(MediaType.APPLICATION_JSON)
public class TenantResource {

    @Inject
    CallerContext callers;

    @Inject
    TenantService tenants;

    @RolesAllowed({Roles.OWNER, Roles.SERVICE})
    @POST
    @ResponseStatus(201)
    public Uni<ApiResponse<TenantView>> create(@Valid @NotNull TenantCreate body) {
        Caller caller = callers.forTenant(body.tenantId());
        if (caller.isTerminal()) {
            throw ApiException.forbidden("Only a user or a service may set up a tenant");
        }
        return tenants.provision(body.tenantId()).map(created -> ApiResponse.created(new TenantView(body.tenantId()),
                "Tenant " + body.tenantId() + (created ? " created" : " already set up"), "create_tenant"));
    }
}
