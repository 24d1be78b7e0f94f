package dev.kassa.common.mongo;

import dev.kassa.common.api.ApiException;
import dev.kassa.common.tenant.TenantIds;
import io.quarkus.mongodb.reactive.ReactiveMongoClient;
import io.quarkus.mongodb.reactive.ReactiveMongoDatabase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.bson.Document;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.Date;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One MongoDB database per tenant, {@code <service>_<tenant>}. The service's registry database
 * ({@code <service>_commons}) lists the provisioned tenants, so that requests for a tenant that
 * does not exist are a 404 rather than a silently new database.
 */
@ApplicationScoped
public class MongoTenants {

    @Inject
    ReactiveMongoClient client;

    @ConfigProperty(name = "kassa.service.name", defaultValue = "kassa")
    String service;

    private final Set<String> known = ConcurrentHashMap.newKeySet();

    public ReactiveMongoDatabase database(String tenantId) {
        return client.getDatabase(TenantIds.mongoDatabase(service, tenantId));
    }

    private ReactiveMongoDatabase registry() {
        return client.getDatabase(service + "_commons");
    }

    /** Records the tenant (idempotent); true when it is new. Indexes are the service's to add. */
    public Uni<Boolean> provision(String tenantId) {
        TenantIds.require(tenantId);
        return registry().getCollection("tenants")
                .updateOne(new Document("_id", tenantId),
                        new Document("$setOnInsert", new Document("created_at", new Date())),
                        new com.mongodb.client.model.UpdateOptions().upsert(true))
                .map(r -> {
                    known.add(tenantId);
                    return r.getUpsertedId() != null;
                });
    }

    public Uni<Boolean> exists(String tenantId) {
        if (known.contains(tenantId)) {
            return Uni.createFrom().item(true);
        }
        return registry().getCollection("tenants").find(new Document("_id", tenantId)).collect().first()
                .map(doc -> {
                    if (doc != null) {
                        known.add(tenantId);
                    }
                    return doc != null;
                });
    }

    /** The tenant's database, or a 404 envelope when the tenant was never provisioned here. */
    public Uni<ReactiveMongoDatabase> require(String tenantId) {
        TenantIds.require(tenantId);
        return exists(tenantId).map(found -> {
            if (!found) {
                throw ApiException.notFound("Tenant " + tenantId + " not found");
            }
            return database(tenantId);
        });
    }
}
