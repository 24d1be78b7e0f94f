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
import java.util.ArrayList;
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
                         boolean includeCancelled) {
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
            var receipt = m.receipt(storeCode, terminalNo);
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
                    }));
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

    /**
     * Records a consumer's acknowledgement; all services received -> delivered, any received ->
     * partially_delivered, all failed -> failed. Empty when the event is not one of ours.
     */
    public Uni<Optional<String>> acknowledge(Mutiny.Session session, String eventId, String service, String status,
                                             String message) {
        UUID id;
        try {
            id = UUID.fromString(eventId);
        } catch (RuntimeException e) {
            return Uni.createFrom().item(Optional.empty());
        }
        return session.createNativeQuery("SELECT CAST(services AS text) FROM delivery_status WHERE event_id = :id"
                        + " FOR UPDATE", String.class)
                .setParameter("id", id)
                .getResultList()
                .flatMap(rows -> {
                    if (rows.isEmpty()) {
                        return Uni.createFrom().item(Optional.<String>empty());
                    }
                    ObjectNode services;
                    try {
                        services = (ObjectNode) mapper.readTree(rows.get(0));
                    } catch (Exception e) {
                        services = mapper.createObjectNode();
                    }
                    ObjectNode entry = services.putObject(service);
                    entry.put("status", status);
                    entry.put("message", message == null ? "" : message);
                    entry.put("lastUpdatedAt", OffsetDateTime.now().toString());
                    String overall = overall(services);
                    return session.createNativeQuery("UPDATE delivery_status SET services = CAST(CAST(:services AS text) AS jsonb),"
                                    + " status = :status, updated_at = now() WHERE event_id = :id")
                            .setParameter("services", services.toString())
                            .setParameter("status", overall)
                            .setParameter("id", id)
                            .executeUpdate()
                            .map(n -> Optional.of(overall));
                });
    }

    static String overall(ObjectNode services) {
        List<String> statuses = new ArrayList<>();
        services.properties().forEach(e -> statuses.add(e.getValue().path("status").asText()));
        long received = statuses.stream().filter("received"::equals).count();
        long failed = statuses.stream().filter("failed"::equals).count();
        if (received == statuses.size()) {
            return "delivered";
        }
        if (received > 0) {
            return "partially_delivered";
        }
        if (failed == statuses.size()) {
            return "failed";
        }
        return "published";
    }

    public Uni<Optional<String>> acknowledge(String tenantId, String eventId, String service, String status,
                                             String message) {
        return tx.run(tenantId, session -> acknowledge(session, eventId, service, status, message));
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
