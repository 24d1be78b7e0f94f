package dev.kassa.cart.rest;

import dev.kassa.common.api.ApiException;
import dev.kassa.common.api.ApiResponse;
import dev.kassa.common.auth.Caller;
import dev.kassa.common.auth.CallerContext;
import dev.kassa.common.auth.Roles;
import dev.kassa.common.pg.TenantSchemas;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import org.jboss.resteasy.reactive.ResponseStatus;

import java.util.Map;

/** Provisions a tenant's schema (called by the terminal service when a tenant is created). */
@Path("/api/v1/tenants")
public class TenantResource {

    @Inject
    TenantSchemas schemas;
    @Inject
    CallerContext callers;

    @RolesAllowed({Roles.OWNER, Roles.SERVICE})
    @POST
    @ResponseStatus(201)
    public Uni<ApiResponse<Map<String, String>>> provision(@Valid @NotNull Requests.Tenant body) {
        Caller caller = callers.forTenant(body.tenantId());
        if (caller.isTerminal()) {
            throw ApiException.forbidden("Only a user or service token may provision a tenant");
        }
        return schemas.provision(body.tenantId())
                .map(created -> ApiResponse.created(Map.of("tenantId", body.tenantId()), "Tenant provisioned",
                        "create_tenant"));
    }
}
