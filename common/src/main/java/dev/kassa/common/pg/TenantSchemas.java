package dev.kassa.common.pg;

import dev.kassa.common.tenant.TenantIds;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.flywaydb.core.Flyway;
import org.jboss.logging.Logger;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One PostgreSQL schema per tenant ({@code t_<tenant>}), created and migrated with Flyway from
 * {@code db/tenant} when the tenant is provisioned and again at start-up for every known tenant;
 * the shared schema {@code kassa} (tenants, outbox, processed events) comes from {@code db/kassa}.
 * Flyway takes a database lock, so any number of replicas may do this at once.
 */
@ApplicationScoped
public class TenantSchemas {
    private static final Logger LOG = Logger.getLogger(TenantSchemas.class);
    public static final String SHARED_SCHEMA = "kassa";

    @Inject
    DataSource dataSource;

    @Inject
    Flyway configured;

    @Inject
    io.vertx.mutiny.core.Vertx vertx;

    private final Set<String> known = ConcurrentHashMap.newKeySet();

    void onStart(@Observes @Priority(10) StartupEvent event) {
        migrate(SHARED_SCHEMA, "db/kassa");
        List<String> tenants = tenants();
        for (String tenant : tenants) {
            migrate(TenantIds.schema(tenant), "db/tenant");
            known.add(tenant);
        }
        LOG.infof("Schemas migrated: shared and %d tenant(s)", tenants.size());
    }

    private void migrate(String schema, String location) {
        var base = configured.getConfiguration();
        Flyway.configure(Thread.currentThread().getContextClassLoader())
                .configuration(base)
                .resourceProvider(base.getResourceProvider() == null ? null
                        : new LocationResourceProvider(base.getResourceProvider(), location))
                .dataSource(dataSource)
                .schemas(schema)
                .defaultSchema(schema)
                .createSchemas(true)
                .locations("classpath:" + location)
                .load()
                .migrate();
    }

    /** Creates and migrates the tenant's schema; true when the tenant is new. Idempotent. */
    public Uni<Boolean> provision(String tenantId) {
        TenantIds.require(tenantId);
        return blocking(() -> provisionBlocking(tenantId));
    }

    /**
     * Runs JDBC work on a worker thread and comes back to the caller's Vert.x context, where a
     * following Hibernate Reactive transaction must run.
     */
    private <T> Uni<T> blocking(java.util.function.Supplier<T> work) {
        return vertx.executeBlocking(Uni.createFrom().item(work));
    }

    boolean provisionBlocking(String tenantId) {
        migrate(TenantIds.schema(tenantId), "db/tenant");
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(
                     "INSERT INTO kassa.tenant (tenant_id) VALUES (?) ON CONFLICT DO NOTHING")) {
            ps.setString(1, tenantId);
            boolean created = ps.executeUpdate() == 1;
            known.add(tenantId);
            return created;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot record tenant " + tenantId, e);
        }
    }

    /** Whether the tenant was provisioned here (checked in the database once, then remembered). */
    public Uni<Boolean> exists(String tenantId) {
        if (known.contains(tenantId)) {
            return Uni.createFrom().item(true);
        }
        return blocking(() -> {
            try (Connection c = dataSource.getConnection();
                 PreparedStatement ps = c.prepareStatement("SELECT 1 FROM kassa.tenant WHERE tenant_id = ?")) {
                ps.setString(1, tenantId);
                try (ResultSet rs = ps.executeQuery()) {
                    boolean found = rs.next();
                    if (found) {
                        known.add(tenantId);
                    }
                    return found;
                }
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    public List<String> tenants() {
        List<String> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT tenant_id FROM kassa.tenant ORDER BY tenant_id");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot list tenants", e);
        }
        return out;
    }
}
