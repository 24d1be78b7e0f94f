package dev.kassa.cart.repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kassa.common.event.TranLog;
import dev.kassa.common.event.Topics;
import dev.kassa.common.pg.OutboxWriter;
import dev.kassa.common.trace.TraceContext;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Stores a finished cart's transaction on the plain reactive client, in one statement: the
 * {@code tran} row, its delivery status and its tranlog event in the outbox (data-modifying CTEs),
 * so the three commit or fail together with the caller's transaction and cost one round trip. The
 * tranlog is serialized once and sent once: the same parameter is the stored tranlog and the
 * event's payload. The unique {@code cart_id} still refuses a second transaction of a cart (23505).
 * The outbox row keeps the bill request's trace context, so the relay and the consumers continue it.
 */
@ApplicationScoped
public class TransactionWriter {

    static final String INSERT = """
            WITH stored AS (
                INSERT INTO tran (store_code, terminal_no, transaction_no, transaction_type, business_date,
                    open_counter, business_counter, receipt_no, generate_date_time, total_amount_with_tax,
                    is_cancelled, cart_id, event_id, tranlog)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, CAST($14::text AS jsonb))),
            delivery AS (
                INSERT INTO delivery_status (event_id, store_code, terminal_no, transaction_no, status, services)
                VALUES ($13, $1, $2, $3, 'published', CAST($15::text AS jsonb)))
            """ + OutboxWriter.insertSql("$13", "$16", "$17", "$18", "$19", "$14::text", "$20", "$21");

    @Inject
    ObjectMapper mapper;

    private ObjectWriter tranLogWriter;
    /** Every service expected to acknowledge the tranlog, still pending. */
    private String pendingServices;

    @PostConstruct
    void init() {
        tranLogWriter = mapper.writerFor(TranLog.class);
        ObjectNode services = mapper.createObjectNode();
        TransactionRepository.SERVICES.forEach(s -> services.putObject(s).put("status", "pending"));
        pendingServices = services.toString();
    }

    public Uni<Void> insert(SqlConnection conn, TranLog t, String cartId, boolean cancelled) {
        String tranLog;
        try {
            tranLog = tranLogWriter.writeValueAsString(t);
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(new IllegalStateException("Tranlog cannot be written as JSON", e));
        }
        TraceContext trace = TraceContext.current(); // the bill request's, so the sale's events continue it
        Tuple values = Tuple.tuple()
                .addString(t.storeCode())
                .addInteger(t.terminalNo())
                .addLong(t.transactionNo())
                .addInteger(t.transactionType())
                .addString(t.businessDate() == null ? "" : t.businessDate())
                .addInteger(t.openCounter())
                .addInteger(t.businessCounter())
                .addLong(t.receiptNo())
                .addOffsetDateTime(OffsetDateTime.parse(t.generateDateTime()))
                .addBigDecimal(t.sales().totalAmountWithTax())
                .addBoolean(cancelled)
                .addString(cartId)
                .addUUID(UUID.fromString(t.eventId()))
                .addString(tranLog)
                .addString(pendingServices)
                .addString(t.tenantId())
                .addString(Topics.TRANLOG)
                .addString(Topics.terminalKey(t.tenantId(), t.storeCode(), t.terminalNo()))
                .addString(TranLog.EVENT_TYPE)
                .addString(trace == null ? null : trace.traceparent())
                .addString(trace == null ? null : trace.tracestate());
        return conn.preparedQuery(INSERT).execute(values).replaceWithVoid();
    }
}
