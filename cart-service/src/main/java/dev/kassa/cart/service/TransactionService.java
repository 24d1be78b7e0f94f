package dev.kassa.cart.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kassa.cart.domain.PaymentRequest;
import dev.kassa.cart.domain.TransactionNumbers;
import dev.kassa.cart.domain.transaction.Reversal;
import dev.kassa.cart.domain.transaction.ReversalContext;
import dev.kassa.cart.domain.transaction.Reversals;
import dev.kassa.cart.domain.transaction.StatusChange;
import dev.kassa.cart.domain.transaction.TransactionStatus;
import dev.kassa.cart.domain.transaction.TransactionView;
import dev.kassa.cart.repository.CounterRepository;
import dev.kassa.cart.repository.TransactionRepository;
import dev.kassa.common.api.ApiException;
import dev.kassa.common.api.PageMetadata;
import dev.kassa.common.api.PageRequest;
import dev.kassa.common.event.OutgoingEvent;
import dev.kassa.common.event.Topics;
import dev.kassa.common.event.TranLog;
import dev.kassa.common.pg.OutboxWriter;
import dev.kassa.common.pg.TenantTx;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.hibernate.reactive.mutiny.Mutiny;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** The transactions API: list, get, void, return and the delivery status of their tranlogs. */
@ApplicationScoped
public class TransactionService {
    public static final Set<String> SORTABLE = Set.of("transaction_no", "receipt_no", "generate_date_time",
            "business_date", "transaction_type", "open_counter", "business_counter", "total_amount_with_tax");

    public record Filter(String businessDate, Integer openCounter, List<Integer> transactionTypes, Long receiptNo,
                         boolean includeCancelled, Boolean needsReview) {
    }

    public record Page(List<TransactionView> data, PageMetadata metadata) {
    }

    @Inject
    TenantTx tx;
    @Inject
    TransactionRepository repository;
    @Inject
    CounterRepository counters;
    @Inject
    OutboxWriter outbox;
    @Inject
    MasterConfig master;
    @Inject
    SalesMetrics metrics;
    @Inject
    ObjectMapper mapper;

    public Uni<Page> list(String tenantId, String storeCode, int terminalNo, Filter f, PageRequest paging) {
        StringBuilder where = new StringBuilder(" WHERE store_code = :store AND terminal_no = :terminal");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("store", storeCode);
        params.put("terminal", terminalNo);
        Map<String, Object> filter = new LinkedHashMap<>();
        if (f.businessDate() != null) {
            where.append(" AND business_date = :date");
            params.put("date", f.businessDate());
            filter.put("business_date", f.businessDate());
        }
        if (f.openCounter() != null) {
            where.append(" AND open_counter = :open");
            params.put("open", f.openCounter());
            filter.put("open_counter", f.openCounter());
        }
        if (f.transactionTypes() != null && !f.transactionTypes().isEmpty()) {
            where.append(" AND transaction_type IN (:types)");
            params.put("types", f.transactionTypes());
            filter.put("transaction_type", f.transactionTypes());
        }
        if (f.receiptNo() != null) {
            where.append(" AND receipt_no = :receipt");
            params.put("receipt", f.receiptNo());
            filter.put("receipt_no", f.receiptNo());
        }
        if (!f.includeCancelled()) {
            where.append(" AND NOT is_cancelled");
        }
        if (f.needsReview() != null) { // offline sales flagged for review (V3)
            where.append(f.needsReview() ? " AND needs_review" : " AND NOT needs_review");
            filter.put("needs_review", f.needsReview());
        }
        filter.put("include_cancelled", f.includeCancelled());
        return tx.run(tenantId, session -> {
            Mutiny.SelectionQuery<Long> count = session.createNativeQuery("SELECT count(*) FROM tran" + where,
                    Long.class);
            params.forEach(count::setParameter);
            return count.getSingleResult().flatMap(total -> {
                Mutiny.SelectionQuery<Object[]> rows = session.createNativeQuery(
                        "SELECT CAST(tranlog AS text), is_cancelled, is_voided, is_refunded FROM tran" + where
                                + paging.orderBy("transaction_no ASC", "transaction_no ASC")
                                + " LIMIT :limit OFFSET :offset", Object[].class);
                params.forEach(rows::setParameter);
                rows.setParameter("limit", paging.limit());
                rows.setParameter("offset", paging.offset());
                return rows.getResultList().map(list -> new Page(list.stream().map(repository::stored)
                        .map(s -> TransactionView.of(s.tranLog(), s.status())).toList(),
                        paging.metadata(((Number) total).longValue(), filter)));
            });
        });
    }

    public Uni<TransactionView> get(String tenantId, String storeCode, int terminalNo, long transactionNo) {
        return tx.run(tenantId, session -> repository.find(session, storeCode, terminalNo, transactionNo, false))
                .map(found -> found.map(s -> TransactionView.of(s.tranLog(), s.status()))
                        .orElseThrow(() -> notFound(transactionNo)));
    }

    static ApiException notFound(long transactionNo) {
        return ApiException.notFound("Transaction not found: transactionNo " + transactionNo);
    }

    public Uni<TransactionView> voidOrReturn(TerminalCaller caller, long transactionNo, List<PaymentRequest> payments,
                                             boolean isVoid) {
        String tenantId = caller.tenantId();
        String storeCode = caller.terminal().storeCode();
        int terminalNo = caller.terminal().terminalNo();
        return master.master(tenantId, caller.credentials()).flatMap(m -> {
            var range = m.receiptCounter(storeCode, terminalNo);
            var receipt = master.receipt(m, storeCode, terminalNo);
            String eventId = UUID.randomUUID().toString();
            return tx.run(tenantId, session -> repository.find(session, storeCode, terminalNo, transactionNo, true)
                    .flatMap(found -> {
                        TransactionRepository.Stored original = found.orElseThrow(() -> notFound(transactionNo));
                        if (isVoid) {
                            Reversals.checkVoidable(original.tranLog(), original.status());
                        } else {
                            Reversals.checkReturnable(original.tranLog(), original.status());
                        }
                        return counters.next(session, storeCode, terminalNo, range.start(), range.end())
                                .flatMap(n -> {
                                    var t = caller.terminal();
                                    ReversalContext ctx = new ReversalContext(
                                            new TransactionNumbers(n.transactionNo(), n.receiptNo()),
                                            t.businessDate(), t.openCounter(), t.businessCounter(),
                                            OffsetDateTime.now(), receipt, eventId);
                                    Reversal r = isVoid
                                            ? Reversals.voidOf(original.tranLog(), original.status(), payments,
                                                    m.payments(), ctx)
                                            : Reversals.returnOf(original.tranLog(), original.status(), payments,
                                                    m.payments(), ctx);
                                    return store(session, r);
                                });
                    })).invoke(() -> metrics.reversed(isVoid));
        });
    }

    private Uni<TransactionView> store(Mutiny.Session session, Reversal r) {
        TranLog t = r.tranLog();
        Uni<Void> chain = repository.insert(session, t, null, false);
        for (StatusChange change : r.statusChanges()) {
            chain = chain.flatMap(x -> repository.apply(session, change));
        }
        return chain.flatMap(x -> outbox.append(session, new OutgoingEvent(t.eventId(), t.tenantId(), Topics.TRANLOG,
                        Topics.terminalKey(t.tenantId(), t.storeCode(), t.terminalNo()), TranLog.EVENT_TYPE, t)))
                .map(x -> TransactionView.of(t, TransactionStatus.NONE));
    }

    // ------------------------------------------------------------------ delivery status

    /** One consumer's word on one of our tranlogs. */
    public record Ack(UUID eventId, String service, String status, String message) {
    }

    /**
     * Records consumers' acknowledgements in one statement: each one replaces its service's entry in
     * the event's {@code services}, then all services received -> delivered, any received ->
     * partially_delivered, all failed -> failed, otherwise published. Several words of one service on
     * one event: the last counts. The entries are merged into the row as the update finds it, so a
     * concurrent acknowledgement of the same event is never lost. Answers the overall status of each
     * event found; acknowledgements of events not ours change nothing.
     */
    public Uni<Map<UUID, String>> acknowledge(Mutiny.Session session, List<Ack> acks) {
        Map<List<Object>, Ack> last = new LinkedHashMap<>();
        for (Ack ack : acks) {
            last.remove(List.of(ack.eventId(), ack.service()));
            last.put(List.of(ack.eventId(), ack.service()), ack);
        }
        if (last.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        List<Ack> merged = List.copyOf(last.values());
        return session.createNativeQuery("""
                        UPDATE delivery_status d SET services = d.services || a.patch, updated_at = now(),
                          status = CASE
                            WHEN NOT EXISTS (SELECT 1 FROM jsonb_each(d.services || a.patch) e
                                             WHERE e.value ->> 'status' IS DISTINCT FROM 'received') THEN 'delivered'
                            WHEN EXISTS (SELECT 1 FROM jsonb_each(d.services || a.patch) e
                                         WHERE e.value ->> 'status' = 'received') THEN 'partially_delivered'
                            WHEN NOT EXISTS (SELECT 1 FROM jsonb_each(d.services || a.patch) e
                                             WHERE e.value ->> 'status' IS DISTINCT FROM 'failed') THEN 'failed'
                            ELSE 'published' END
                        FROM (SELECT CAST(u.event_id AS uuid) AS event_id,
                                     jsonb_object_agg(u.service, jsonb_build_object('status', u.status,
                                         'message', coalesce(u.message, ''), 'lastUpdatedAt', CAST(:at AS text))) AS patch
                              FROM unnest(CAST(:ids AS text[]), CAST(:services AS text[]), CAST(:statuses AS text[]),
                                          CAST(:messages AS text[])) AS u(event_id, service, status, message)
                              GROUP BY u.event_id) a
                        WHERE d.event_id = a.event_id
                        RETURNING CAST(d.event_id AS text), d.status""", Object[].class)
                .setParameter("at", OffsetDateTime.now().toString())
                .setParameter("ids", merged.stream().map(a -> a.eventId().toString()).toArray(String[]::new))
                .setParameter("services", merged.stream().map(Ack::service).toArray(String[]::new))
                .setParameter("statuses", merged.stream().map(Ack::status).toArray(String[]::new))
                .setParameter("messages", merged.stream().map(Ack::message).toArray(String[]::new))
                .getResultList()
                .map(rows -> {
                    Map<UUID, String> overall = new LinkedHashMap<>();
                    rows.forEach(r -> overall.put(UUID.fromString((String) r[0]), (String) r[1]));
                    return overall;
                });
    }

    /** The callback of the contract: the event's new overall status, empty when it is not one of ours. */
    public Uni<Optional<String>> acknowledge(String tenantId, String eventId, String service, String status,
                                             String message) {
        UUID id;
        try {
            id = UUID.fromString(eventId);
        } catch (RuntimeException e) {
            return Uni.createFrom().item(Optional.empty());
        }
        return tx.run(tenantId, session -> acknowledge(session, List.of(new Ack(id, service, status, message))))
                .map(overall -> Optional.ofNullable(overall.get(id)));
    }

    /** Acknowledgements from Kafka, all of one tenant, in one transaction. */
    public Uni<Void> acknowledge(String tenantId, List<Ack> acks) {
        return tx.run(tenantId, session -> acknowledge(session, acks)).replaceWithVoid();
    }

    public Uni<JsonNode> deliveryStatus(String tenantId, String eventId) {
        return tx.run(tenantId, session -> session.createNativeQuery(
                        "SELECT status, CAST(services AS text) FROM delivery_status WHERE event_id = :id", Object[].class)
                .setParameter("id", UUID.fromString(eventId))
                .getResultList()
                .map(rows -> {
                    ObjectNode n = mapper.createObjectNode();
                    if (!rows.isEmpty()) {
                        n.put("status", (String) rows.get(0)[0]);
                        try {
                            n.set("services", mapper.readTree((String) rows.get(0)[1]));
                        } catch (Exception e) {
                            // leave out
                        }
                    }
                    return n;
                }));
    }
}
