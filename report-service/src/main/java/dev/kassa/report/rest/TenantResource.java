package dev.kassa.report.rest;

import dev.kassa.common.api.ApiException;
import dev.kassa.common.api.ApiResponse;
import dev.kassa.common.auth.Caller;
import dev.kassa.common.auth.CallerContext;
import dev.kassa.common.auth.Roles;
import dev.kassa.report.service.TenantService;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.ResponseStatus;

/** {@code POST /api/v1/tenants}: the terminal service sets up each new tenant here (idempotent). */
@Path("/api/v1/tenants")
@Produces(MediaType.APPLICATION_JSON)
public class TenantResource {

    public record TenantRequest(@NotBlank String tenantId) {
    }

    public record TenantCreated(String tenantId) {
    }

    @Inject
    CallerContext callers;

    @Inject
    TenantService tenants;

    @RolesAllowed({Roles.OWNER, Roles.SERVICE})
    @POST
    @ResponseStatus(201)
    public Uni<ApiResponse<TenantCreated>> create(@Valid @NotNull TenantRequest body) {
        Caller caller = callers.forTenant(body.tenantId());
        if (caller.isTerminal()) {
            throw ApiException.forbidden("Only a user or service token may set up a tenant");
        }
        return tenants.provision(body.tenantId()).map(v -> ApiResponse.created(new TenantCreated(body.tenantId()),
                "Tenant " + body.tenantId() + " is set up for reports", "create_tenant"));
    }
}
