package dev.kassa.journal.repository;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.MongoWriteException;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.WriteModel;
import dev.kassa.common.api.PageRequest;
import dev.kassa.common.mongo.MongoTenants;
import dev.kassa.journal.domain.JournalCriteria;
import dev.kassa.journal.domain.JournalEntry;
import dev.kassa.journal.domain.LogKind;
import io.quarkus.mongodb.FindOptions;
import io.quarkus.mongodb.reactive.ReactiveMongoCollection;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.bson.types.Decimal128;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tenant's journal ({@code journal}) and raw logs ({@code log_tran}, {@code log_cash_in_out},
 * {@code log_open_close}) in its database {@code journal_<tenant>}. Every write is one upsert of
 * one document keyed by the event, inserting only when absent: applying a log again changes nothing,
 * and a log applied halfway is completed by the next delivery. A batch of logs is written the same
 * way, one unordered bulk of such upserts per collection.
 */
@ApplicationScoped
public class JournalRepository {
    public static final String JOURNAL = "journal";

    @Inject
    MongoTenants tenants;

    private ReactiveMongoCollection<Document> collection(String tenantId, String name) {
        return tenants.database(tenantId).getCollection(name);
    }

    /** One index per search filter, each led by the store (every search is of one store). */
    public Uni<Void> createIndexes(String tenantId) {
        ReactiveMongoCollection<Document> journal = collection(tenantId, JOURNAL);
        List<Uni<String>> steps = new ArrayList<>();
        steps.add(journal.createIndex(Indexes.ascending("event_id", "kind"),
                new IndexOptions().name("event_id_kind").unique(true)));
        steps.add(journal.createIndex(Indexes.ascending("store_code", "terminal_no", "business_date"),
                new IndexOptions().name("store_terminal_date")));
        steps.add(journal.createIndex(Indexes.ascending("store_code", "transaction_type", "business_date"),
                new IndexOptions().name("store_type_date")));
        steps.add(journal.createIndex(Indexes.ascending("store_code", "business_date", "generate_date_time"),
                new IndexOptions().name("store_date")));
        steps.add(journal.createIndex(Indexes.ascending("store_code", "generate_date_time"),
                new IndexOptions().name("store_generated")));
        steps.add(journal.createIndex(Indexes.ascending("store_code", "receipt_no"),
                new IndexOptions().name("store_receipt")));
        // Keywords are substring matches: MongoDB runs the regex over these index keys, not the documents.
        steps.add(journal.createIndex(Indexes.ascending("store_code", "journal_text"),
                new IndexOptions().name("store_journal_text")));
        for (LogKind kind : LogKind.values()) {
            if (kind.rawCollection() != null) {
                steps.add(collection(tenantId, kind.rawCollection()).createIndex(
                        Indexes.ascending("store_code", "terminal_no", "business_date"),
                        new IndexOptions().name("store_terminal_date")));
            }
        }
        // One after the other: the MongoDB-compatible test server does not like parallel index builds.
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Uni<String> step : steps) {
            chain = chain.chain(() -> step).replaceWithVoid();
        }
        return chain;
    }

    /** A log as it arrived, to keep under its event id in its kind's raw collection. */
    public record RawLog(LogKind kind, String eventId, Document document) {
    }

    /** Keeps the log as it arrived, once, under its event id. */
    public Uni<Void> saveRaw(String tenantId, LogKind kind, String eventId, Document raw) {
        return collection(tenantId, kind.rawCollection())
                .updateOne(Filters.eq("_id", eventId), new Document("$setOnInsert", rawFields(raw)),
                        new UpdateOptions().upsert(true))
                .onFailure(JournalRepository::isDuplicateKey).retry().atMost(2)
                .replaceWithVoid();
    }

    /** Inserts the entry unless its key is there already; true when this call inserted it. */
    public Uni<Boolean> save(JournalEntry e) {
        return collection(e.tenantId(), JOURNAL)
                .updateOne(Filters.eq("_id", e.id()), new Document("$setOnInsert", entryFields(e)),
                        new UpdateOptions().upsert(true))
                .onFailure(JournalRepository::isDuplicateKey).retry().atMost(2)
                .map(r -> r.getUpsertedId() != null);
    }

    /**
     * {@link #saveRaw} and {@link #save} for many logs of one tenant: the raw logs first, then the
     * entries, each collection in one bulk write, so a crash in between is completed by the redelivery.
     */
    public Uni<Void> saveAll(String tenantId, List<RawLog> raws, List<JournalEntry> entries) {
        Map<String, List<WriteModel<Document>>> rawWrites = new LinkedHashMap<>();
        for (RawLog raw : raws) {
            rawWrites.computeIfAbsent(raw.kind().rawCollection(), c -> new ArrayList<>())
                    .add(insertOnce(raw.eventId(), rawFields(raw.document())));
        }
        List<WriteModel<Document>> entryWrites = new ArrayList<>(entries.size());
        for (JournalEntry e : entries) {
            entryWrites.add(insertOnce(e.id(), entryFields(e)));
        }
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Map.Entry<String, List<WriteModel<Document>>> writes : rawWrites.entrySet()) {
            chain = chain.chain(() -> insertAllOnce(collection(tenantId, writes.getKey()), writes.getValue()));
        }
        return chain.chain(() -> insertAllOnce(collection(tenantId, JOURNAL), entryWrites));
    }

    private static Document rawFields(Document raw) {
        Document fields = new Document(raw);
        fields.remove("_id");
        fields.put("received_at", new Date());
        return fields;
    }

    private static Document entryFields(JournalEntry e) {
        Document fields = toDocument(e);
        fields.remove("_id");
        fields.put("created_at", new Date());
        return fields;
    }

    private static UpdateOneModel<Document> insertOnce(String id, Document fields) {
        return new UpdateOneModel<>(Filters.eq("_id", id), new Document("$setOnInsert", fields),
                new UpdateOptions().upsert(true));
    }

    /**
     * Unordered, so one write's error does not hold back the others. A duplicate key can only mean
     * that the document of that key was inserted meanwhile (the same log over HTTP, say): nothing
     * is left to do for it, as {@code save}'s retry would find.
     */
    private static Uni<Void> insertAllOnce(ReactiveMongoCollection<Document> collection,
                                           List<WriteModel<Document>> writes) {
        if (writes.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return collection.bulkWrite(writes, new BulkWriteOptions().ordered(false))
                .onFailure(JournalRepository::onlyDuplicateKeys).recoverWithNull()
                .replaceWithVoid();
    }

    /** Two upserts of one key at once (HTTP and Kafka): the loser finds the document on its next try. */
    static boolean isDuplicateKey(Throwable t) {
        return t instanceof MongoWriteException w && w.getError().getCode() == 11000;
    }

    static boolean onlyDuplicateKeys(Throwable t) {
        return t instanceof MongoBulkWriteException b && b.getWriteConcernError() == null
                && !b.getWriteErrors().isEmpty()
                && b.getWriteErrors().stream().allMatch(e -> e.getCode() == 11000);
    }

    public Uni<JournalEntry> find(String tenantId, String id) {
        return collection(tenantId, JOURNAL).find(Filters.eq("_id", id)).collect().first()
                .map(d -> d == null ? null : fromDocument(tenantId, d));
    }

    public Uni<Long> count(String tenantId, JournalCriteria criteria) {
        return collection(tenantId, JOURNAL).countDocuments(filter(criteria));
    }

    public Uni<List<JournalEntry>> search(String tenantId, JournalCriteria criteria, PageRequest page) {
        List<Bson> order = new ArrayList<>();
        if (page.sort().isEmpty()) {
            order.add(Sorts.ascending("generate_date_time"));
        }
        page.sort().forEach(f -> order.add(f.ascending() ? Sorts.ascending(f.field()) : Sorts.descending(f.field())));
        order.add(Sorts.ascending("_id"));
        FindOptions options = new FindOptions().sort(Sorts.orderBy(order)).skip(page.offset()).limit(page.limit());
        Multi<Document> found = collection(tenantId, JOURNAL).find(filter(criteria), options);
        return found.map(d -> fromDocument(tenantId, d)).collect().asList();
    }

    static Bson filter(JournalCriteria c) {
        List<Bson> and = new ArrayList<>();
        and.add(Filters.eq("store_code", c.storeCode()));
        if (!c.terminals().isEmpty()) {
            and.add(Filters.in("terminal_no", c.terminals()));
        }
        if (!c.transactionTypes().isEmpty()) {
            and.add(Filters.in("transaction_type", c.transactionTypes()));
        }
        if (c.businessDateFrom() != null) {
            and.add(Filters.gte("business_date", c.businessDateFrom()));
        }
        if (c.businessDateTo() != null) {
            and.add(Filters.lte("business_date", c.businessDateTo()));
        }
        if (c.generatedFrom() != null) {
            and.add(Filters.gte("generate_date_time", Date.from(c.generatedFrom())));
        }
        if (c.generatedTo() != null) {
            and.add(Filters.lte("generate_date_time", Date.from(c.generatedTo())));
        }
        if (c.receiptNoFrom() != null) {
            and.add(Filters.gte("receipt_no", c.receiptNoFrom()));
        }
        if (c.receiptNoTo() != null) {
            and.add(Filters.lte("receipt_no", c.receiptNoTo()));
        }
        if (!c.keywords().isEmpty()) {
            // Literal substrings: a keyword is text to find, never a pattern to run.
            and.add(Filters.or(c.keywords().stream()
                    .map(k -> Filters.regex("journal_text", RegexText.literal(k)))
                    .toList()));
        }
        return Filters.and(and);
    }

    static Document toDocument(JournalEntry e) {
        return new Document("_id", e.id())
                .append("kind", e.kind().key())
                .append("event_id", e.eventId())
                .append("tenant_id", e.tenantId())
                .append("store_code", e.storeCode())
                .append("terminal_no", e.terminalNo())
                .append("journal_seq_no", e.journalSeqNo())
                .append("transaction_no", e.transactionNo())
                .append("transaction_type", e.transactionType())
                .append("business_date", e.businessDate())
                .append("open_counter", e.openCounter())
                .append("business_counter", e.businessCounter())
                .append("generate_date_time", Date.from(e.generatedAt()))
                .append("generate_date_time_text", e.generateDateTime())
                .append("receipt_no", e.receiptNo())
                .append("amount", e.amount() == null ? null : new Decimal128(e.amount()))
                .append("quantity", e.quantity())
                .append("staff_id", e.staffId())
                .append("user_id", e.userId())
                .append("content", e.content())
                .append("journal_text", e.journalText())
                .append("receipt_text", e.receiptText());
    }

    static JournalEntry fromDocument(String tenantId, Document d) {
        String kindKey = d.getString("kind");
        LogKind kind = null;
        for (LogKind k : LogKind.values()) {
            if (k.key().equals(kindKey)) {
                kind = k;
            }
        }
        Date generated = d.getDate("generate_date_time");
        return new JournalEntry(d.getString("_id"), kind, d.getString("event_id"),
                d.getString("tenant_id") == null ? tenantId : d.getString("tenant_id"), d.getString("store_code"),
                integer(d.get("terminal_no")), integer(d.get("journal_seq_no")), longOrNull(d.get("transaction_no")),
                integer(d.get("transaction_type")), d.getString("business_date"), integer(d.get("open_counter")),
                integer(d.get("business_counter")), d.getString("generate_date_time_text"),
                generated == null ? null : generated.toInstant(), longOrNull(d.get("receipt_no")),
                decimal(d.get("amount")), integer(d.get("quantity")), d.getString("staff_id"), d.getString("user_id"),
                d.getString("content"), d.getString("journal_text"), d.getString("receipt_text"));
    }

    private static int integer(Object value) {
        return value instanceof Number n ? n.intValue() : 0;
    }

    private static Long longOrNull(Object value) {
        return value instanceof Number n ? n.longValue() : null;
    }

    private static BigDecimal decimal(Object value) {
        if (value instanceof Decimal128 d) {
            return d.bigDecimalValue();
        }
        if (value instanceof Number n) {
            return new BigDecimal(n.toString());
        }
        return null;
    }

    /** Regex text of a literal, portable between MongoDB (PCRE) and the Java engine of test servers. */
    static final class RegexText {
        private RegexText() {
        }

        /** Every ASCII punctuation character escaped: both engines read it after a backslash as itself. */
        static String literal(String text) {
            StringBuilder out = new StringBuilder(text.length() * 2);
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c < 128 && !Character.isLetterOrDigit(c) && !Character.isWhitespace(c)) {
                    out.append('\\');
                }
                out.append(c);
            }
            return out.toString();
        }
    }
}
