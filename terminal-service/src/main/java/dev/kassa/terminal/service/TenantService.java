package dev.kassa.terminal.service;

import dev.kassa.common.api.ApiException;
import dev.kassa.common.api.PageRequest;
import dev.kassa.common.pg.TenantSchemas;
import dev.kassa.common.pg.TenantTx;
import dev.kassa.terminal.client.Downstream;
import dev.kassa.terminal.client.TenantProvisioningClient;
import dev.kassa.terminal.client.TenantProvisioningClient.Outcome;
import dev.kassa.terminal.config.TerminalConfig;
import dev.kassa.terminal.domain.Store;
import dev.kassa.terminal.domain.TenantInfo;
import dev.kassa.terminal.domain.TerminalErrors;
import dev.kassa.terminal.repository.StoreRepository;
import dev.kassa.terminal.repository.TerminalRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.hibernate.reactive.mutiny.Mutiny;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The tenant (provisioned in every service) and its stores. */
@ApplicationScoped
public class TenantService {
    private static final Logger LOG = Logger.getLogger(TenantService.class);
    public static final String OK = "ok";
    public static final String FAILED = "failed";
    public static final String PENDING = "pending";

    /** The tenant with its stores; after provisioning also the failures, by service. */
    public record TenantState(TenantInfo tenant, List<Store> stores, Map<String, String> failures) {
        public boolean complete() {
            return failures.isEmpty();
        }
    }

    public record StorePage(List<Store> stores, long total) {
    }

    @Inject
    TenantSchemas schemas;

    @Inject
    TenantTx tx;

    @Inject
    TenantProvisioningClient provisioning;

    @Inject
    StoreRepository stores;

    @Inject
    TerminalRepository terminals;

    @Inject
    ApiKeyCache keyCache;

    @Inject
    TerminalConfig config;

    @Inject
    Clock clock;

    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /**
     * Creates the tenant here and in every other service. Repeatable: a service that failed is
     * asked again on the next call; once every service has it, a further call is a duplicate (407002).
     */
    public Uni<TenantState> create(String tenantId, String tenantName, List<String> tags, String authorization) {
        List<String> services = config.provisioning().services();
        return Downstream.resumeOnCaller(schemas.provision(tenantId))
                .flatMap(created -> tx.run(tenantId, s -> s.find(TenantInfo.class, tenantId)
                        .flatMap(existing -> {
                            if (existing != null && existing.fullyProvisioned(services)) {
                                return Uni.createFrom().failure(ApiException.badRequest(
                                        TerminalErrors.TENANT_ALREADY_EXISTS, "Tenant already exists: " + tenantId));
                            }
                            TenantInfo t = existing == null ? new TenantInfo() : existing;
                            if (existing == null) {
                                t.tenantId = tenantId;
                                t.entryDatetime = now();
                                t.provisioning = new LinkedHashMap<>();
                            } else {
                                t.lastUpdateDatetime = now();
                            }
                            t.tenantName = tenantName;
                            t.tags = tags;
                            Map<String, String> state = new LinkedHashMap<>(t.provisioning);
                            services.forEach(service -> state.putIfAbsent(service, PENDING));
                            t.provisioning = state;
                            List<String> pending = services.stream().filter(sv -> !OK.equals(state.get(sv))).toList();
                            return (existing == null ? s.persist(t) : Uni.createFrom().voidItem()).replaceWith(pending);
                        })))
                .flatMap(pending -> pending.isEmpty() ? Uni.createFrom().item(List.<Outcome>of())
                        : Downstream.resumeOnCaller(Uni.join().all(pending.stream()
                                .map(service -> provisioning.provision(service, tenantId, authorization))
                                .toList()).andCollectFailures()))
                .flatMap(outcomes -> tx.run(tenantId, s -> s.find(TenantInfo.class, tenantId).flatMap(t -> {
                    Map<String, String> state = new LinkedHashMap<>(t.provisioning);
                    Map<String, String> failures = new LinkedHashMap<>();
                    for (Outcome o : outcomes) {
                        state.put(o.service(), o.ok() ? OK : FAILED);
                        if (!o.ok()) {
                            failures.put(o.service(), o.detail());
                        }
                    }
                    t.provisioning = state;
                    if (!failures.isEmpty()) {
                        LOG.warnf("Tenant %s is not fully provisioned: %s", tenantId, failures);
                    }
                    return stores.all(s).map(list -> new TenantState(t, list, failures));
                })));
    }

    public Uni<TenantState> get(String tenantId) {
        return tx.run(tenantId, s -> tenant(s, tenantId)
                .flatMap(t -> stores.all(s).map(list -> new TenantState(t, list, Map.of()))));
    }

    public Uni<TenantState> update(String tenantId, String tenantName, List<String> tags) {
        return tx.run(tenantId, s -> tenant(s, tenantId).flatMap(t -> {
            t.tenantName = tenantName;
            t.tags = tags;
            t.lastUpdateDatetime = now();
            return stores.all(s).map(list -> new TenantState(t, list, Map.of()));
        }));
    }

    /** Removes the tenant's record, stores and terminals (whose API keys then stop working); logs stay. */
    public Uni<Void> delete(String tenantId) {
        return tx.run(tenantId, s -> tenant(s, tenantId)
                        .flatMap(t -> terminals.all(s).flatMap(all -> {
                            List<String> ids = all.stream().map(x -> x.terminalId).toList();
                            return s.createNativeQuery("DELETE FROM terminal").executeUpdate()
                                    .flatMap(n -> s.createNativeQuery("DELETE FROM store").executeUpdate())
                                    .flatMap(n -> s.remove(t))
                                    .replaceWith(ids);
                        })))
                .flatMap(keyCache::evict);
    }

    public Uni<TenantState> addStore(String tenantId, Store store) {
        return tx.run(tenantId, s -> tenant(s, tenantId).flatMap(t -> stores.find(s, store.storeCode)
                .flatMap(existing -> {
                    if (existing != null) {
                        return Uni.createFrom().failure(ApiException.badRequest(TerminalErrors.STORE_ALREADY_EXISTS,
                                "Store already exists: " + store.storeCode));
                    }
                    store.entryDatetime = now();
                    return s.persist(store).flatMap(v -> stores.all(s))
                            .map(list -> new TenantState(t, withStore(list, store), Map.of()));
                })));
    }

    private static List<Store> withStore(List<Store> list, Store store) {
        if (list.stream().anyMatch(x -> x.storeCode.equals(store.storeCode))) {
            return list;
        }
        List<Store> all = new ArrayList<>(list);
        all.add(store);
        return all;
    }

    public Uni<StorePage> stores(String tenantId, PageRequest page) {
        return tx.run(tenantId, s -> tenant(s, tenantId).flatMap(t -> stores.page(s, page)
                .flatMap(list -> stores.count(s).map(total -> new StorePage(list, total)))));
    }

    public Uni<Store> store(String tenantId, String storeCode) {
        return tx.run(tenantId, s -> tenant(s, tenantId).flatMap(t -> stores.find(s, storeCode))
                .map(store -> requireStore(store, storeCode)));
    }

    public Uni<Store> updateStore(String tenantId, String storeCode, String storeName, String status,
                                  String businessDate, List<String> tags) {
        return tx.run(tenantId, s -> tenant(s, tenantId).flatMap(t -> stores.find(s, storeCode)).map(found -> {
            Store store = requireStore(found, storeCode);
            store.storeName = storeName;
            if (status != null) {
                store.status = status;
            }
            if (businessDate != null) {
                store.businessDate = businessDate;
            }
            if (tags != null) {
                store.tags = tags;
            }
            store.lastUpdateDatetime = now();
            return store;
        }));
    }

    public Uni<Void> deleteStore(String tenantId, String storeCode) {
        return tx.run(tenantId, s -> tenant(s, tenantId).flatMap(t -> stores.find(s, storeCode))
                .flatMap(found -> s.remove(requireStore(found, storeCode))));
    }

    private static Uni<TenantInfo> tenant(Mutiny.Session s, String tenantId) {
        return s.find(TenantInfo.class, tenantId).map(t -> {
            if (t == null) {
                throw TerminalErrors.tenantNotFound(tenantId);
            }
            return t;
        });
    }

    private static Store requireStore(Store store, String storeCode) {
        if (store == null) {
            throw TerminalErrors.storeNotFound(storeCode);
        }
        return store;
    }
}
