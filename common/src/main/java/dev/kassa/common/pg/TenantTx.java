package dev.kassa.common.pg;

import dev.kassa.common.api.ApiException;
import dev.kassa.common.tenant.TenantIds;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.hibernate.reactive.mutiny.Mutiny;

import java.util.function.Function;

/**
 * A Hibernate Reactive transaction inside one tenant's schema. Its first statement sets the
 * transaction-local {@code search_path} to the tenant's schema, so unqualified table names
 * resolve there and a pooled connection never carries a tenant into the next transaction.
 * Panache repositories called inside {@code work} share the session and so the schema.
 * {@link #runSql} is the same on the plain reactive client, for hot paths where Hibernate adds nothing.
 */
@ApplicationScoped
public class TenantTx {
    private static final String SET_PATH = "SELECT set_config('search_path', $1, true)";

    @Inject
    TenantSchemas schemas;

    @Inject
    Pool pool;

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

    /**
     * A transaction in the tenant's schema on the plain reactive client: committed when {@code work}
     * succeeds, rolled back when it fails. BEGIN, the {@code search_path} and the first statement of
     * {@code work} are sent together without waiting for each other's answers (the connection
     * pipelines them), so they cost one round trip; PostgreSQL runs them in order and a failure of any
     * fails the whole.
     */
    public <T> Uni<T> runSql(String tenantId, Function<SqlConnection, Uni<T>> work) {
        TenantIds.require(tenantId);
        return schemas.exists(tenantId).flatMap(exists -> {
            if (!exists) {
                return Uni.createFrom().failure(ApiException.notFound("Tenant " + tenantId + " not found"));
            }
            // withConnection closes the connection afterwards, which rolls back a transaction still open
            return pool.withConnection(conn -> Uni.combine().all()
                    .unis(conn.begin(), conn.preparedQuery(SET_PATH).execute(Tuple.of(searchPath(tenantId))),
                            work.apply(conn))
                    .withUni((tx, path, result) -> tx.commit().replaceWith(result)));
        });
    }

    /** Points the current transaction at the tenant's schema (then the shared schema). */
    public static Uni<Object> enter(Mutiny.Session session, String tenantId) {
        return session.createNativeQuery("SELECT set_config('search_path', :path, true)")
                .setParameter("path", searchPath(tenantId))
                .getSingleResult();
    }

    static String searchPath(String tenantId) {
        return "\"" + TenantIds.schema(tenantId) + "\", " + TenantSchemas.SHARED_SCHEMA;
    }
}
