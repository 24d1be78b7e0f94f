package dev.kassa.masterdata.service;

import dev.kassa.common.pg.TenantSchemas;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Sets up a tenant's schema; safe to call again (the terminal service does, for every tenant). */
@ApplicationScoped
public class TenantService {

    @Inject
    TenantSchemas schemas;

    /** True when the tenant is new here. */
    public Uni<Boolean> provision(String tenantId) {
        return schemas.provision(tenantId);
    }
}
