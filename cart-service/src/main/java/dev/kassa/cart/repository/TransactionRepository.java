package dev.kassa.cart.repository;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kassa.cart.domain.transaction.StatusChange;
import dev.kassa.cart.domain.transaction.TransactionStatus;
import dev.kassa.common.event.TranLog;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.hibernate.reactive.mutiny.Mutiny;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Stored transactions (table {@code tran}) and the delivery state of their tranlog events. */
@ApplicationScoped
public class TransactionRepository {

    /** The services expected to acknowledge a tranlog. */
    public static final List<String> SERVICES = List.of("report", "journal", "stock");

    public record Stored(TranLog tranLog, TransactionStatus status) {
    }

    @Inject
    ObjectMapper mapper;

    public Uni<Void> insert(Mutiny.Session session, TranLog t, String cartId, boolean cancelled) {
        return session.createNativeQuery("""
                        INSERT INTO tran (store_code, terminal_no, transaction_no, transaction_type, business_date,
                            open_counter, business_counter, receipt_no, generate_date_time, total_amount_with_tax,
                            is_cancelled, cart_id, event_id, tranlog)
                        VALUES (:store, :terminal, :no, :type, :date, :open, :business, :receipt, :time, :total,
                            :cancelled, :cart, :event, CAST(CAST(:tranlog AS text) AS jsonb))""")
                .setParameter("store", t.storeCode())
                .setParameter("terminal", t.terminalNo())
                .setParameter("no", t.transactionNo())
                .setParameter("type", t.transactionType())
                .setParameter("date", t.businessDate() == null ? "" : t.businessDate())
                .setParameter("open", t.openCounter())
                .setParameter("business", t.businessCounter())
                .setParameter("receipt", t.receiptNo())
                .setParameter("time", OffsetDateTime.parse(t.generateDateTime()))
                .setParameter("total", t.sales().totalAmountWithTax())
                .setParameter("cancelled", cancelled)
                .setParameter("cart", cartId)
                .setParameter("event", UUID.fromString(t.eventId()))
                .setParameter("tranlog", json(t))
                .executeUpdate()
                .flatMap(n -> insertDelivery(session, t));
    }

    private Uni<Void> insertDelivery(Mutiny.Session session, TranLog t) {
        ObjectNode services = mapper.createObjectNode();
        SERVICES.forEach(s -> services.putObject(s).put("status", "pending"));
        return session.createNativeQuery("""
                        INSERT INTO delivery_status (event_id, store_code, terminal_no, transaction_no, status, services)
                        VALUES (:event, :store, :terminal, :no, 'published', CAST(CAST(:services AS text) AS jsonb))""")
                .setParameter("event", UUID.fromString(t.eventId()))
                .setParameter("store", t.storeCode())
                .setParameter("terminal", t.terminalNo())
                .setParameter("no", t.transactionNo())
                .setParameter("services", services.toString())
                .executeUpdate()
                .replaceWithVoid();
    }

    public Uni<Optional<Stored>> find(Mutiny.Session session, String storeCode, int terminalNo, long transactionNo,
                                      boolean forUpdate) {
        return session.createNativeQuery("SELECT CAST(tranlog AS text), is_cancelled, is_voided, is_refunded FROM tran"
                                + " WHERE store_code = :store AND terminal_no = :terminal AND transaction_no = :no"
                                + (forUpdate ? " FOR UPDATE" : ""), Object[].class)
                .setParameter("store", storeCode)
                .setParameter("terminal", terminalNo)
                .setParameter("no", transactionNo)
                .getResultList()
                .map(rows -> rows.isEmpty() ? Optional.empty() : Optional.of(stored(rows.get(0))));
    }

    /** The transaction a cart became, if it was billed or cancelled. */
    public Uni<Optional<Stored>> findByCartId(Mutiny.Session session, String cartId) {
        return session.createNativeQuery("SELECT CAST(tranlog AS text), is_cancelled, is_voided, is_refunded FROM tran"
                        + " WHERE cart_id = :cart", Object[].class)
                .setParameter("cart", cartId)
                .getResultList()
                .map(rows -> rows.isEmpty() ? Optional.empty() : Optional.of(stored(rows.get(0))));
    }

    public Stored stored(Object[] row) {
        try {
            return new Stored(mapper.readValue((String) row[0], TranLog.class),
                    new TransactionStatus((Boolean) row[1], (Boolean) row[2], (Boolean) row[3]));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable stored tranlog", e);
        }
    }

    public Uni<Void> apply(Mutiny.Session session, StatusChange change) {
        String column = change.flag() == StatusChange.Flag.VOIDED ? "is_voided" : "is_refunded";
        return session.createNativeQuery("UPDATE tran SET " + column + " = :value WHERE store_code = :store"
                        + " AND terminal_no = :terminal AND transaction_no = :no")
                .setParameter("value", change.value())
                .setParameter("store", change.transaction().storeCode())
                .setParameter("terminal", change.transaction().terminalNo())
                .setParameter("no", change.transaction().transactionNo())
                .executeUpdate()
                .replaceWithVoid();
    }

    private String json(TranLog t) {
        try {
            return mapper.writeValueAsString(t);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Tranlog cannot be written as JSON", e);
        }
    }
}
