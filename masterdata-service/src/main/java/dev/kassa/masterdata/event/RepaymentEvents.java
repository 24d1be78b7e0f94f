package dev.kassa.masterdata.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kassa.common.event.CashLog;
import dev.kassa.common.event.Topics;
import dev.kassa.common.pg.OutboxWriter;
import dev.kassa.common.trace.TraceContext;
import dev.kassa.masterdata.config.MasterDataConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.math.BigDecimal;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * A credit repayment taken in the back office, as the cash log every other cash movement is: a
 * {@link CashLog} with {@code terminal_no} 0, the customer and the repayment id, written to the outbox of
 * the transaction that posts the repayment, so it is on {@code pos.cashlog} (and so in the journal and the
 * reports) if and only if the ledger entry committed. Keyed like a terminal's events, by store and 0.
 */
@ApplicationScoped
public class RepaymentEvents {
    static final String INSERT = OutboxWriter.insertSql("$1", "$2", "$3", "$4", "$5", "$6", "$7", "$8");
    /** Log times in the shop's zone, always with milliseconds, as the terminal writes them. */
    static final DateTimeFormatter LOG_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX");
    /** The business date is the day in the shop's zone (the back office has no terminal session). */
    static final DateTimeFormatter BUSINESS_DATE = DateTimeFormatter.ofPattern("yyyyMMdd");

    @Inject
    ObjectMapper mapper;

    @Inject
    MasterDataConfig config;

    /** The cash log of a back-office repayment: the store that took the money, who took it, the customer. */
    public CashLog backOffice(String tenantId, String storeCode, String staff, String customerCode,
                              String repaymentId, BigDecimal amount, String reference) {
        ZonedDateTime now = ZonedDateTime.now(config.zone()).truncatedTo(ChronoUnit.MILLIS);
        String description = "Credit repayment " + customerCode;
        String text = text(storeCode, staff, now, customerCode, repaymentId, amount, reference);
        return new CashLog(UUID.randomUUID().toString(), CashLog.EVENT_TYPE, tenantId, storeCode, null,
                CashLog.BACK_OFFICE, staff, staff, now.format(BUSINESS_DATE), 0, 0,
                now.format(LOG_TIME), amount, description, text, text, customerCode, repaymentId);
    }

    /** Appends the event to the outbox in the caller's transaction. */
    public Uni<Void> append(SqlConnection conn, CashLog event) {
        String payload;
        try {
            payload = mapper.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(new IllegalStateException("Cash log cannot be written as JSON", e));
        }
        TraceContext trace = TraceContext.current();
        return conn.preparedQuery(INSERT).execute(Tuple.tuple()
                        .addUUID(UUID.fromString(event.eventId()))
                        .addString(event.tenantId())
                        .addString(Topics.CASHLOG)
                        .addString(Topics.terminalKey(event.tenantId(), event.storeCode(), event.terminalNo()))
                        .addString(CashLog.EVENT_TYPE)
                        .addString(payload)
                        .addString(trace == null ? null : trace.traceparent())
                        .addString(trace == null ? null : trace.tracestate()))
                .replaceWithVoid();
    }

    /** The slip of a back-office repayment: what, where, who, for whom. */
    static String text(String storeCode, String staff, ZonedDateTime at, String customerCode, String repaymentId,
                       BigDecimal amount, String reference) {
        StringBuilder s = new StringBuilder()
                .append("Credit repayment (back office)\n")
                .append("Store      ").append(storeCode).append('\n')
                .append("Date       ").append(at.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm"))).append('\n')
                .append("Staff      ").append(staff == null ? "" : staff).append('\n')
                .append("Customer   ").append(customerCode).append('\n')
                .append("Amount     ").append(amount.stripTrailingZeros().toPlainString()).append('\n')
                .append("Repayment  ").append(repaymentId).append('\n');
        if (reference != null && !reference.isBlank()) {
            s.append("Reference  ").append(reference).append('\n');
        }
        return s.toString();
    }
}
