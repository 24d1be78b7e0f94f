package dev.kassa.report.repository;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.WriteModel;
import dev.kassa.common.event.CashLog;
import dev.kassa.common.event.OpenCloseLog;
import dev.kassa.common.event.TranLog;
import dev.kassa.common.mongo.MongoTenants;
import dev.kassa.report.domain.DayLogs;
import io.quarkus.mongodb.reactive.ReactiveMongoCollection;
import io.quarkus.mongodb.reactive.ReactiveMongoDatabase;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The received logs, one document per event id in the tenant's database ({@code report_<tenant>}):
 * the fields reports filter on, and the log itself as received ({@code payload}, JSON text, so
 * amounts stay exact). Storing is an upsert on the event id that only ever inserts, so any number
 * of deliveries leaves one document, and each write is a single document (no transactions). A batch
 * of logs is stored with one unordered bulk of such upserts per collection.
 */
@ApplicationScoped
public class LogRepository {
    private static final Logger LOG = Logger.getLogger(LogRepository.class);

    public static final String TRANLOG = "log_tran";
    public static final String CASHLOG = "log_cash_in_out";
    public static final String OPEN_CLOSE_LOG = "log_open_close";

    @Inject
    MongoTenants tenants;

    @Inject
    ObjectMapper mapper;

    private final Set<String> indexed = ConcurrentHashMap.newKeySet();

    /** The indexes of the reports' filters; idempotent. */
    public Uni<Void> ensureIndexes(String tenantId) {
        ReactiveMongoDatabase db = tenants.database(tenantId);
        Bson session = Indexes.ascending("store_code", "business_date", "terminal_no", "open_counter");
        return db.getCollection(TRANLOG).createIndex(session)
                .flatMap(i -> db.getCollection(TRANLOG).createIndex(
                        Indexes.ascending("store_code", "terminal_no", "transaction_no")))
                .flatMap(i -> db.getCollection(CASHLOG).createIndex(session))
                .flatMap(i -> db.getCollection(OPEN_CLOSE_LOG).createIndex(session))
                .flatMap(i -> db.getCollection(DailyInfoRepository.COLLECTION).createIndex(
                        Indexes.ascending("store_code", "business_date"), new IndexOptions()))
                .invoke(i -> indexed.add(tenantId))
                .replaceWithVoid();
    }

    private Uni<Void> indexesOnce(String tenantId) {
        return indexed.contains(tenantId) ? Uni.createFrom().voidItem() : ensureIndexes(tenantId);
    }

    /** A log ready to store: where it goes, under which event id, as which document. */
    public record Received(String tenantId, String collection, String eventId, Document document) {
    }

    public static Received tranLog(TranLog t, String payload) {
        Document doc = keys(t.tenantId(), t.storeCode(), t.terminalNo(), t.businessDate(), t.openCounter(),
                t.businessCounter(), t.generateDateTime(), payload)
                .append("transaction_no", t.transactionNo())
                .append("transaction_type", t.transactionType())
                .append("receipt_no", t.receiptNo())
                .append("is_cancelled", t.sales() != null && t.sales().isCancelled());
        return new Received(t.tenantId(), TRANLOG, t.eventId(), doc);
    }

    public static Received cashLog(CashLog c, String payload) {
        Document doc = keys(c.tenantId(), c.storeCode(), c.terminalNo(), c.businessDate(), c.openCounter(),
                c.businessCounter(), c.generateDateTime(), payload);
        return new Received(c.tenantId(), CASHLOG, c.eventId(), doc);
    }

    public static Received openCloseLog(OpenCloseLog o, String payload) {
        Document doc = keys(o.tenantId(), o.storeCode(), o.terminalNo(), o.businessDate(), o.openCounter(),
                o.businessCounter(), o.generateDateTime(), payload)
                .append("operation", o.operation());
        return new Received(o.tenantId(), OPEN_CLOSE_LOG, o.eventId(), doc);
    }

    private static Document keys(String tenantId, String storeCode, int terminalNo, String businessDate,
                                 int openCounter, int businessCounter, String generateDateTime, String payload) {
        return new Document("tenant_id", tenantId)
                .append("store_code", storeCode)
                .append("terminal_no", terminalNo)
                .append("business_date", businessDate)
                .append("open_counter", openCounter)
                .append("business_counter", businessCounter)
                .append("generate_date_time", generateDateTime)
                .append("received_at", new Date())
                .append("payload", payload);
    }

    /** Stores the log unless its event id is there already. */
    public Uni<Void> save(Received log) {
        ReactiveMongoCollection<Document> c = tenants.database(log.tenantId()).getCollection(log.collection());
        return indexesOnce(log.tenantId())
                .flatMap(v -> c.updateOne(Filters.eq("_id", log.eventId()),
                        new Document("$setOnInsert", log.document()), new UpdateOptions().upsert(true)))
                .replaceWithVoid();
    }

    /**
     * {@link #save} for many logs: per tenant and collection one unordered bulk write. Logs are
     * independent documents (reports aggregate when asked), so their order within a batch does not
     * matter; a duplicate key can only be the same log stored meanwhile, which leaves nothing to do.
     */
    public Uni<Void> saveAll(List<Received> logs) {
        // tenant -> collection -> event id -> the first delivery of that event in the batch
        Map<String, Map<String, Map<String, WriteModel<Document>>>> byTenant = new LinkedHashMap<>();
        for (Received log : logs) {
            byTenant.computeIfAbsent(log.tenantId(), t -> new LinkedHashMap<>())
                    .computeIfAbsent(log.collection(), c -> new LinkedHashMap<>())
                    .putIfAbsent(log.eventId(), new UpdateOneModel<>(Filters.eq("_id", log.eventId()),
                            new Document("$setOnInsert", log.document()), new UpdateOptions().upsert(true)));
        }
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Map.Entry<String, Map<String, Map<String, WriteModel<Document>>>> tenant : byTenant.entrySet()) {
            ReactiveMongoDatabase db = tenants.database(tenant.getKey());
            chain = chain.chain(() -> indexesOnce(tenant.getKey()));
            for (Map.Entry<String, Map<String, WriteModel<Document>>> writes : tenant.getValue().entrySet()) {
                List<WriteModel<Document>> models = new ArrayList<>(writes.getValue().values());
                chain = chain.chain(() -> db.getCollection(writes.getKey())
                        .bulkWrite(models, new BulkWriteOptions().ordered(false))
                        .onFailure(LogRepository::onlyDuplicateKeys).recoverWithNull()
                        .replaceWithVoid());
            }
        }
        return chain;
    }

    static boolean onlyDuplicateKeys(Throwable t) {
        return t instanceof MongoBulkWriteException b && b.getWriteConcernError() == null
                && !b.getWriteErrors().isEmpty()
                && b.getWriteErrors().stream().allMatch(e -> e.getCode() == 11000);
    }

    /** The logs of a report, transactions with the cancelled ones. */
    public Uni<DayLogs> logs(ReactiveMongoDatabase db, LogQuery q) {
        Bson filter = filter(q);
        return find(db, TRANLOG, filter, TranLog.class)
                .flatMap(trans -> find(db, CASHLOG, filter, CashLog.class)
                        .flatMap(cash -> find(db, OPEN_CLOSE_LOG, filter, OpenCloseLog.class)
                                .map(openClose -> new DayLogs(trans, cash, openClose))));
    }

    /** Transactions only (the dashboards), with the cancelled ones. */
    public Uni<List<TranLog>> tranLogs(ReactiveMongoDatabase db, LogQuery q) {
        return find(db, TRANLOG, filter(q), TranLog.class);
    }

    static Bson filter(LogQuery q) {
        List<Bson> and = new ArrayList<>();
        and.add(Filters.eq("store_code", q.storeCode()));
        if (q.period().isRange()) {
            and.add(Filters.gte("business_date", q.period().from()));
            and.add(Filters.lte("business_date", q.period().to()));
        } else {
            and.add(Filters.eq("business_date", q.period().businessDate()));
        }
        if (q.terminalNo() != null) {
            and.add(Filters.eq("terminal_no", q.terminalNo()));
        }
        if (q.openCounter() != null) {
            and.add(Filters.eq("open_counter", q.openCounter()));
        }
        return Filters.and(and);
    }

    private <T> Uni<List<T>> find(ReactiveMongoDatabase db, String collection, Bson filter, Class<T> type) {
        return db.getCollection(collection).find(filter).collect().asList().map(docs -> {
            List<T> out = new ArrayList<>(docs.size());
            for (Document d : docs) {
                try {
                    out.add(mapper.readValue(d.getString("payload"), type));
                } catch (Exception e) {
                    LOG.warnf("Unreadable %s %s left out of the report: %s", collection, d.get("_id"), e.toString());
                }
            }
            return out;
        });
    }
}
