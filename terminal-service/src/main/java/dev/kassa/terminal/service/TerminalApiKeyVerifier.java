package dev.kassa.terminal.service;

import dev.kassa.common.auth.ApiKeyVerifier;
import dev.kassa.common.auth.ApiKeys;
import dev.kassa.common.auth.KassaAuthenticationMechanism;
import dev.kassa.common.auth.TerminalClaims;
import dev.kassa.common.pg.TenantSchemas;
import dev.kassa.common.tenant.TenantIds;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The terminal service checks API keys against its own table: the SHA-256 of the presented key,
 * looked up through a unique index. This bean replaces common's remote verifier here; the other
 * services ask {@code GET /api/v1/terminals/{id}}, which lands here too.
 */
@ApplicationScoped
public class TerminalApiKeyVerifier implements ApiKeyVerifier {
    private static final String COLUMNS = "terminal_id, store_code, terminal_no, status, business_date, open_counter,"
            + " business_counter, staff_id, staff_name";

    @Inject
    Pool pool;

    @Inject
    TenantSchemas schemas;

    @Override
    public Uni<Optional<TerminalClaims>> verify(String terminalId, String apiKey) {
        String tenantId = KassaAuthenticationMechanism.tenantOfTerminal(terminalId);
        if (apiKey == null || apiKey.isBlank() || !TenantIds.isValid(tenantId)) {
            return Uni.createFrom().item(Optional.empty());
        }
        return schemas.exists(tenantId).flatMap(exists -> {
            if (!exists) {
                return Uni.createFrom().item(Optional.<TerminalClaims>empty());
            }
            return pool.preparedQuery("SELECT " + COLUMNS + " FROM \"" + TenantIds.schema(tenantId)
                            + "\".terminal WHERE api_key_hash = $1 AND terminal_id = $2")
                    .execute(Tuple.of(ApiKeys.hash(apiKey), terminalId))
                    .map(TerminalApiKeyVerifier::first);
        });
    }

    /** The terminal a key belongs to, in whichever tenant: one indexed lookup per tenant schema. */
    public Uni<Optional<TerminalClaims>> findByKey(String apiKey) {
        if (apiKey == null || apiKey.isBlank()) {
            return Uni.createFrom().item(Optional.empty());
        }
        return Uni.createFrom().item(schemas::tenants)
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .flatMap(tenants -> {
                    if (tenants.isEmpty()) {
                        return Uni.createFrom().item(Optional.<TerminalClaims>empty());
                    }
                    String union = tenants.stream()
                            .map(t -> "SELECT " + COLUMNS + " FROM \"" + TenantIds.schema(t)
                                    + "\".terminal WHERE api_key_hash = $1")
                            .collect(Collectors.joining(" UNION ALL "));
                    return pool.preparedQuery(union + " LIMIT 1").execute(Tuple.of(ApiKeys.hash(apiKey)))
                            .map(TerminalApiKeyVerifier::first);
                });
    }

    private static Optional<TerminalClaims> first(RowSet<Row> rows) {
        List<TerminalClaims> found = new java.util.ArrayList<>();
        for (Row r : rows) {
            found.add(new TerminalClaims(r.getString("terminal_id"), r.getString("store_code"),
                    r.getInteger("terminal_no"), r.getString("status"), r.getString("business_date"),
                    r.getInteger("open_counter"), r.getInteger("business_counter"), r.getString("staff_id"),
                    r.getString("staff_name")));
        }
        return found.stream().findFirst();
    }
}
