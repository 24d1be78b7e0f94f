package dev.kassa.report.service;

import dev.kassa.common.mongo.MongoTenants;
import dev.kassa.report.repository.LogRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** A tenant's report database: registered and indexed, as often as asked. */
@ApplicationScoped
public class TenantService {

    @Inject
    MongoTenants tenants;

    @Inject
    LogRepository logs;

    public Uni<Void> provision(String tenantId) {
        return tenants.provision(tenantId).flatMap(created -> logs.ensureIndexes(tenantId));
    }
}
