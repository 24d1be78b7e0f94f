package dev.kassa.journal.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kassa.common.api.PageRequest;
import dev.kassa.common.event.CashLog;
import dev.kassa.common.event.EventEnvelope;
import dev.kassa.common.event.OpenCloseLog;
import dev.kassa.common.event.PoisonEventException;
import dev.kassa.common.event.TranLog;
import dev.kassa.common.mongo.MongoTenants;
import dev.kassa.journal.config.JournalConfig;
import dev.kassa.journal.domain.InvalidLogException;
import dev.kassa.journal.domain.JournalCriteria;
import dev.kassa.journal.domain.JournalEntries;
import dev.kassa.journal.domain.JournalEntry;
import dev.kassa.journal.domain.LogKind;
import dev.kassa.journal.repository.JournalRepository;
import dev.kassa.journal.repository.RawLogs;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The journal's use cases: set a tenant up, apply a log (from Kafka or HTTP) as its raw log plus
 * its journal entry, push report text, search. Applying is two single-document upserts keyed by
 * the event, raw log first: whatever a crash interrupted, the next delivery completes, and nothing
 * is ever written twice. A batch of logs is applied the same way, in bulk.
 */
@ApplicationScoped
public class JournalService {

    /** A page of entries and the number of all entries that match. */
    public record Found(List<JournalEntry> entries, long total) {
    }

    /** A log event as read from its topic. */
    public record Log(LogKind kind, EventEnvelope event) {
    }

    /** One tenant's part of a batch: raw logs and entries, each once per key, first delivery first. */
    private record TenantLogs(Map<String, JournalRepository.RawLog> raws, Map<String, JournalEntry> entries) {
        TenantLogs() {
            this(new LinkedHashMap<>(), new LinkedHashMap<>());
        }
    }

    @Inject
    MongoTenants tenants;

    @Inject
    JournalRepository journal;

    @Inject
    JournalConfig config;

    @Inject
    ObjectMapper mapper;

    /** Registers the tenant and creates its indexes; repeatable. True when the tenant is new here. */
    public Uni<Boolean> provision(String tenantId) {
        return tenants.provision(tenantId).call(() -> journal.createIndexes(tenantId));
    }

    /** The entry a log event makes; a record that does not fit is poison. */
    public JournalEntry entryOf(LogKind kind, EventEnvelope event) {
        try {
            return switch (kind) {
                case TRANLOG -> JournalEntries.fromTranlog(event.eventId(), event.as(mapper, TranLog.class), zone());
                case CASHLOG -> JournalEntries.fromCashLog(event.eventId(), event.as(mapper, CashLog.class), zone());
                case OPENCLOSELOG -> JournalEntries.fromOpenCloseLog(event.eventId(),
                        event.as(mapper, OpenCloseLog.class), zone());
                case REPORT -> throw new PoisonEventException("reports do not come as events");
            };
        } catch (InvalidLogException e) {
            throw new PoisonEventException(e.getMessage());
        }
    }

    /**
     * Applies a log event of a provisioned tenant: an unknown tenant is poison (the journal never
     * creates tenants on the fly; the record waits in the dead-letter topic for a replay).
     */
    public Uni<JournalEntry> apply(LogKind kind, EventEnvelope event) {
        return tenants.exists(event.tenantId()).flatMap(known -> {
            if (!known) {
                return Uni.createFrom().failure(new PoisonEventException("unknown tenant " + event.tenantId()));
            }
            JournalEntry entry = entryOf(kind, event);
            return record(entry, RawLogs.document(event.body()));
        });
    }

    /**
     * {@link #apply} for a batch of logs: each log becomes its entry and every tenant is checked
     * before anything is written, so a log that does not fit fails the batch with no effect; then
     * per tenant the raw logs and the entries are written in bulk. Entries do not depend on each
     * other (no sequence is kept), so the order of writes within a batch does not matter.
     */
    public Uni<Void> applyAll(List<Log> logs) {
        Map<String, TenantLogs> byTenant = new LinkedHashMap<>();
        for (Log log : logs) {
            JournalEntry entry = entryOf(log.kind(), log.event());
            TenantLogs tenant = byTenant.computeIfAbsent(entry.tenantId(), t -> new TenantLogs());
            tenant.entries().putIfAbsent(entry.id(), entry);
            if (entry.kind().rawCollection() != null) {
                tenant.raws().putIfAbsent(entry.id(), new JournalRepository.RawLog(entry.kind(), entry.eventId(),
                        RawLogs.document(log.event().body())));
            }
        }
        Uni<Void> known = Uni.createFrom().voidItem();
        for (String tenantId : byTenant.keySet()) {
            known = known.chain(() -> tenants.exists(tenantId).invoke(exists -> {
                if (!exists) {
                    throw new PoisonEventException("unknown tenant " + tenantId);
                }
            })).replaceWithVoid();
        }
        Uni<Void> chain = known;
        for (Map.Entry<String, TenantLogs> tenant : byTenant.entrySet()) {
            TenantLogs found = tenant.getValue();
            chain = chain.chain(() -> journal.saveAll(tenant.getKey(), new ArrayList<>(found.raws().values()),
                    new ArrayList<>(found.entries().values())));
        }
        return chain;
    }

    /** Raw log (if the kind keeps one), then the journal entry; answers the entry as stored. */
    public Uni<JournalEntry> record(JournalEntry entry, org.bson.Document raw) {
        Uni<Void> rawSaved = entry.kind().rawCollection() == null || raw == null ? Uni.createFrom().voidItem()
                : journal.saveRaw(entry.tenantId(), entry.kind(), entry.eventId(), raw);
        return rawSaved.chain(() -> journal.save(entry))
                .chain(() -> journal.find(entry.tenantId(), entry.id()))
                .map(stored -> stored == null ? entry : stored);
    }

    /** A tranlog posted over HTTP: the same effect as the event with its event id. */
    public Uni<JournalEntry> recordTranlog(String tenantId, String eventId, TranLog log) {
        JournalEntry entry = JournalEntries.fromTranlog(eventId, log, zone());
        JsonNode body = mapper.valueToTree(log);
        return tenants.require(tenantId).chain(() -> record(entry, RawLogs.document(body)));
    }

    /** Report text pushed to the journal (501, 502), stored once per key. */
    public Uni<JournalEntry> recordReport(JournalEntry entry) {
        return tenants.require(entry.tenantId()).chain(() -> record(entry, null));
    }

    public Uni<Found> search(String tenantId, JournalCriteria criteria, PageRequest page) {
        return tenants.require(tenantId)
                .chain(() -> journal.count(tenantId, criteria))
                .flatMap(total -> journal.search(tenantId, criteria, page).map(list -> new Found(list, total)));
    }

    public java.time.ZoneId zone() {
        return config.timeZone();
    }
}
