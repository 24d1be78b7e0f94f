package dev.kassa.common.pg;

import dev.kassa.common.api.ApiException;
import dev.kassa.common.tenant.TenantIds;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.hibernate.reactive.mutiny.Mutiny;

import java.util.function.Function;

/**
 * A Hibernate Reactive transaction inside one tenant's schema. Its first statement sets the
 * transaction-local {@code search_path} to the tenant's schema, so unqualified table names
 * resolve there and a pooled connection never carries a tenant into the next transaction.
 * Panache repositories called inside {@code work} share the session and so the schema.
 */
@ApplicationScoped
public class TenantTx {

    @Inject
    TenantSchemas schemas;

    public <T> Uni<T> run(String tenantId, Function<Mutiny.Session, Uni<T>> work) {
        TenantIds.require(tenantId);
        return schemas.exists(tenantId).flatMap(exists -> {
            if (!exists) {
                return Uni.createFrom().failure(ApiException.notFound("Tenant " + tenantId + " not found"));
            }
            return Panache.withTransaction(() -> Panache.getSession()
                    .flatMap(session -> enter(session, tenantId).flatMap(ignored -> work.apply(session))));
        });
    }

    /** Points the current transaction at the tenant's schema (then the shared schema). */
    public static Uni<Object> enter(Mutiny.Session session, String tenantId) {
        String path = "\"" + TenantIds.schema(tenantId) + "\", " + TenantSchemas.SHARED_SCHEMA;
        return session.createNativeQuery("SELECT set_config('search_path', :path, true)")
                .setParameter("path", path)
                .getSingleResult();
    }
}
