package dev.kassa.stock.service;

import dev.kassa.common.pg.TenantSchemas;
import dev.kassa.common.pg.TenantTx;
import dev.kassa.common.tenant.TenantIds;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.hibernate.reactive.mutiny.Mutiny;

import java.util.function.Function;

/**
 * {@link TenantTx#run} from wherever the caller is, including for a tenant this replica has not
 * seen yet (set up through another replica after this one started). Then common's check of the
 * tenant goes to the database on a worker thread and would start the Hibernate Reactive
 * transaction there, which fails (HR000068); this wrapper does that check first and comes back
 * to the caller's Vert.x context before the transaction begins.
 */
@ApplicationScoped
public class StockTx {

    @Inject
    TenantSchemas schemas;
    @Inject
    TenantTx tx;

    public <T> Uni<T> run(String tenantId, Function<Mutiny.Session, Uni<T>> work) {
        TenantIds.require(tenantId);
        Context context = Vertx.currentContext();
        return schemas.exists(tenantId)
                .emitOn(command -> {
                    // A worker thread may carry the caller's context too, so the thread decides, not the context.
                    if (context == null || (Context.isOnEventLoopThread() && Vertx.currentContext() == context)) {
                        command.run();
                    } else {
                        context.runOnContext(ignored -> command.run());
                    }
                })
                .flatMap(ignored -> tx.run(tenantId, work));
    }
}
