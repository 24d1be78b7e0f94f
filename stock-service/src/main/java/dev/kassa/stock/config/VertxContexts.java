package dev.kassa.stock.config;

import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;

import java.util.function.Supplier;

/**
 * Runs reactive database work from places that are not a request or a Kafka record (the
 * scheduler, WebSocket callbacks, Redis callbacks, tests): Hibernate Reactive needs a safe
 * duplicated Vert.x context, so the work starts on a fresh one.
 */
public final class VertxContexts {

    private VertxContexts() {
    }

    public static <T> Uni<T> onNewContext(Vertx vertx, Supplier<Uni<T>> work) {
        return Uni.createFrom().emitter(emitter -> {
            Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
            VertxContextSafetyToggle.setContextSafe(context, true);
            context.runOnContext(ignored -> {
                Uni<T> uni;
                try {
                    uni = work.get();
                } catch (Throwable t) {
                    emitter.fail(t);
                    return;
                }
                uni.subscribe().with(emitter::complete, emitter::fail);
            });
        });
    }
}
