package dev.kassa.masterdata.rest;

import dev.kassa.common.api.ApiException;
import dev.kassa.common.api.ApiResponse;
import dev.kassa.common.api.PageRequest;
import dev.kassa.common.auth.CallerContext;
import dev.kassa.common.auth.Roles;
import dev.kassa.common.pg.TenantSchemas;
import dev.kassa.masterdata.service.TaxService;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import java.util.List;

/** The tax master: read-only, from configuration ({@code kassa.masterdata.taxes}). */
@Path("/api/v1/tenants/{tenant_id}/taxes")
@Produces(MediaType.APPLICATION_JSON)
public class TaxResource {

    @Inject
    CallerContext callers;

    @Inject
    TaxService taxes;

    @Inject
    TenantSchemas tenants;

    @Inject
    Views views;

    @RolesAllowed({Roles.OWNER, Roles.MANAGER, Roles.CASHIER, Roles.TERMINAL, Roles.SERVICE})
    @GET
    public Uni<ApiResponse<List<TaxView>>> list(@RestPath("tenant_id") String tenantId, @RestQuery Integer page,
                                                @RestQuery Integer limit, @RestQuery String sort) {
        callers.forTenant(tenantId);
        PageRequest request = PageRequest.of(page, limit, sort, TaxService.SORTABLE);
        return known(tenantId).map(ok -> Paging.answer(taxes.list(request), request, null, views::tax,
                "Taxes found for tenant " + tenantId, "get_taxes"));
    }

    @RolesAllowed({Roles.OWNER, Roles.MANAGER, Roles.CASHIER, Roles.TERMINAL, Roles.SERVICE})
    @GET
    @Path("{tax_code}")
    public Uni<ApiResponse<TaxView>> get(@RestPath("tenant_id") String tenantId, @RestPath("tax_code") String taxCode) {
        callers.forTenant(tenantId);
        return known(tenantId).map(ok -> ApiResponse.ok(views.tax(taxes.get(taxCode)), "Tax " + taxCode + " found",
                "get_tax"));
    }

    /** Taxes are the same for every tenant, but only a tenant set up here has any. */
    private Uni<Boolean> known(String tenantId) {
        return tenants.exists(tenantId).invoke(exists -> {
            if (!exists) {
                throw ApiException.notFound("Tenant " + tenantId + " not found");
            }
        });
    }
}
