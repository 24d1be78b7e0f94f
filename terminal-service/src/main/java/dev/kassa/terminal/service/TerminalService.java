package dev.kassa.terminal.service;

import dev.kassa.common.api.ApiException;
import dev.kassa.common.api.PageRequest;
import dev.kassa.common.auth.ApiKeys;
import dev.kassa.common.pg.TenantTx;
import dev.kassa.terminal.client.Downstream;
import dev.kassa.terminal.client.MasterDataClient;
import dev.kassa.terminal.domain.FunctionMode;
import dev.kassa.terminal.domain.Terminal;
import dev.kassa.terminal.domain.TerminalErrors;
import dev.kassa.terminal.domain.TerminalStatus;
import dev.kassa.terminal.repository.StoreRepository;
import dev.kassa.terminal.repository.TerminalRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** Terminals, their API keys, description, function mode and who is signed in. */
@ApplicationScoped
public class TerminalService {
    private static final Logger LOG = Logger.getLogger(TerminalService.class);

    /** A terminal with its API key in clear: only right after creation or rotation. */
    public record WithKey(Terminal terminal, String apiKey) {
    }

    public record Page(List<Terminal> terminals, long total) {
    }

    @Inject
    TenantTx tx;

    @Inject
    TerminalRepository terminals;

    @Inject
    StoreRepository stores;

    @Inject
    MasterDataClient masterData;

    @Inject
    ApiKeyCache keyCache;

    @Inject
    Clock clock;

    Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    public Uni<WithKey> create(String tenantId, String storeCode, int terminalNo, String description) {
        String terminalId = Terminal.id(tenantId, storeCode, terminalNo);
        return tx.run(tenantId, s -> stores.find(s, storeCode).flatMap(store -> {
            if (store == null) {
                return Uni.createFrom().failure(TerminalErrors.storeNotFound(storeCode));
            }
            return terminals.find(s, terminalId).flatMap(existing -> {
                if (existing != null) {
                    return Uni.createFrom().failure(ApiException.badRequest(TerminalErrors.TERMINAL_ALREADY_EXISTS,
                            "Terminal already exists: " + terminalId));
                }
                String apiKey = ApiKeys.generate();
                Terminal t = new Terminal();
                t.terminalId = terminalId;
                t.storeCode = storeCode;
                t.terminalNo = terminalNo;
                t.description = description;
                t.functionMode = FunctionMode.MainMenu.name();
                t.status = TerminalStatus.IDLE;
                t.openCounter = 0;
                t.businessCounter = 0;
                setKey(t, apiKey);
                t.entryDatetime = now();
                return s.persist(t).replaceWith(new WithKey(t, apiKey));
            });
        }));
    }

    public Uni<Page> list(String tenantId, String storeCode, PageRequest page) {
        return tx.run(tenantId, s -> terminals.page(s, storeCode, page)
                .flatMap(list -> terminals.count(s, storeCode).map(total -> new Page(list, total))));
    }

    public Uni<Terminal> get(String tenantId, String terminalId) {
        return tx.run(tenantId, s -> terminals.find(s, terminalId).map(t -> require(t, terminalId)));
    }

    public Uni<Void> delete(String tenantId, String terminalId) {
        return tx.run(tenantId, s -> terminals.lock(s, terminalId)
                        .flatMap(t -> s.remove(require(t, terminalId))))
                .flatMap(v -> keyCache.evict(terminalId));
    }

    public Uni<Terminal> updateDescription(String tenantId, String terminalId, String description) {
        return tx.run(tenantId, s -> terminals.lock(s, terminalId).map(t -> {
            require(t, terminalId).description = description;
            t.lastUpdateDatetime = now();
            return t;
        }));
    }

    public Uni<Terminal> updateFunctionMode(String tenantId, String terminalId, String value) {
        FunctionMode mode = FunctionMode.parse(value).orElseThrow(() -> ApiException.validation(
                "Invalid input data: body -> functionMode: must be one of " + FunctionMode.names()));
        return tx.run(tenantId, s -> terminals.lock(s, terminalId).map(t -> {
            require(t, terminalId);
            mode.refusal(t.status, terminalId).ifPresent(reason -> {
                throw TerminalErrors.status(reason);
            });
            t.functionMode = mode.name();
            t.lastUpdateDatetime = now();
            return t;
        }));
    }

    /** A new key, shown once; the old one stops working here and, through the cache eviction, everywhere. */
    public Uni<WithKey> rotateKey(String tenantId, String terminalId) {
        String apiKey = ApiKeys.generate();
        return tx.run(tenantId, s -> terminals.lock(s, terminalId).map(t -> {
                    setKey(require(t, terminalId), apiKey);
                    t.lastUpdateDatetime = now();
                    return new WithKey(t, apiKey);
                }))
                .call(rotated -> keyCache.evict(terminalId))
                .invoke(rotated -> LOG.infof("API key of terminal %s rotated", terminalId));
    }

    /**
     * Signs a staff member in, after master data confirms them. Unknown staff: 401 (406004). Like
     * every change of the terminal's state, it evicts the state other services cache with the key.
     */
    public Uni<Terminal> signIn(String tenantId, String terminalId, String staffId) {
        return tx.run(tenantId, s -> terminals.find(s, terminalId).map(t -> {
                    refuseSignedIn(require(t, terminalId));
                    return t;
                }))
                .flatMap(t -> Downstream.resumeOnCaller(masterData.staff(tenantId, staffId))
                        .onFailure(e -> !(e instanceof ApiException)).transform(e -> {
                            LOG.warnf("Master data unavailable for the staff check of %s: %s", terminalId, e.toString());
                            return ApiException.unavailable(TerminalErrors.MASTER_DATA_SERVICE,
                                    "The master-data service is unavailable; staff " + staffId + " cannot be checked");
                        }))
                .flatMap(staff -> {
                    if (staff.isEmpty()) {
                        return Uni.createFrom().failure(ApiException.unauthorized(TerminalErrors.SIGN_IN_OUT,
                                "Staff not found: " + staffId));
                    }
                    return tx.run(tenantId, s -> terminals.lock(s, terminalId).map(t -> {
                        refuseSignedIn(require(t, terminalId));
                        t.staffId = staff.get().id();
                        t.staffName = staff.get().name();
                        t.lastUpdateDatetime = now();
                        return t;
                    }));
                })
                .call(t -> keyCache.evict(terminalId));
    }

    /** Idempotent: signing out a terminal nobody is signed in to changes nothing. */
    public Uni<Terminal> signOut(String tenantId, String terminalId) {
        return tx.run(tenantId, s -> terminals.lock(s, terminalId).map(t -> {
            if (require(t, terminalId).staffId != null) {
                t.staffId = null;
                t.staffName = null;
                t.lastUpdateDatetime = now();
            }
            return t;
        })).call(t -> keyCache.evict(terminalId));
    }

    private static void refuseSignedIn(Terminal t) {
        if (t.isSignedIn()) {
            throw ApiException.badRequest(TerminalErrors.ALREADY_SIGNED_IN,
                    "Terminal is already signed in: " + t.terminalId);
        }
    }

    static Terminal require(Terminal t, String terminalId) {
        if (t == null) {
            throw TerminalErrors.terminalNotFound(terminalId);
        }
        return t;
    }

    private static void setKey(Terminal t, String apiKey) {
        t.apiKeyHash = ApiKeys.hash(apiKey);
        t.apiKeyPrefix = apiKey.substring(0, 4);
    }
}
