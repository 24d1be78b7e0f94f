package dev.kassa.masterdata.service;

import dev.kassa.common.api.ApiException;
import dev.kassa.common.event.CashLog;
import dev.kassa.common.pg.TenantTx;
import dev.kassa.masterdata.domain.Ledger;
import dev.kassa.masterdata.domain.Ledger.Balances;
import dev.kassa.masterdata.domain.Ledger.Holder;
import dev.kassa.masterdata.domain.Ledger.Reservation;
import dev.kassa.masterdata.domain.MasterDataErrors;
import dev.kassa.masterdata.event.RepaymentEvents;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The customers' points and credit ledgers: append-only entries and the balances they explain, changed
 * together in one transaction. Reserving is one conditional UPDATE of the customer's balance row
 * (owed + reserved + amount ≤ limit), so any number of terminals reserving at once can never pass the
 * limit: PostgreSQL serialises the updates of the row and re-checks the condition on the newest version.
 */
@ApplicationScoped
public class LedgerService {
    static final String ENSURE_ACCOUNT = """
            INSERT INTO ledger_account (customer_code) SELECT customer_code FROM customer WHERE customer_code = $1
            ON CONFLICT DO NOTHING""";

    /** Reservations of the customer left open past their time are released before anything else. */
    static final String RELEASE_EXPIRED = """
            WITH expired AS (
                UPDATE ledger_reservation SET status = 'released', settled_at = now()
                WHERE customer_code = $1 AND status = 'reserved' AND expires_at < now()
                RETURNING ledger, amount)
            UPDATE ledger_account SET
                credit_reserved = credit_reserved - coalesce((SELECT sum(amount) FROM expired WHERE ledger = 'credit'), 0),
                points_reserved = points_reserved - coalesce((SELECT sum(amount) FROM expired WHERE ledger = 'points'), 0)
            WHERE customer_code = $1 AND EXISTS (SELECT 1 FROM expired)""";

    static final String RESERVE_CREDIT = """
            UPDATE ledger_account a SET credit_reserved = a.credit_reserved + $2
            FROM customer c
            WHERE a.customer_code = $1 AND c.customer_code = a.customer_code AND NOT c.is_erased
              AND a.credit_balance + a.credit_reserved + $2 <= c.credit_limit""";

    static final String RESERVE_POINTS = """
            UPDATE ledger_account a SET points_reserved = a.points_reserved + $2
            FROM customer c
            WHERE a.customer_code = $1 AND c.customer_code = a.customer_code AND NOT c.is_erased
              AND a.points_balance - a.points_reserved - $2 >= 0""";

    static final String BALANCES = """
            SELECT c.customer_code, c.name, c.loyalty_tier, c.credit_limit, c.is_erased,
                   coalesce(a.credit_balance, 0) AS credit_balance, coalesce(a.credit_reserved, 0) AS credit_reserved,
                   coalesce(a.points_balance, 0) AS points_balance, coalesce(a.points_reserved, 0) AS points_reserved
            FROM customer c LEFT JOIN ledger_account a ON a.customer_code = c.customer_code
            WHERE c.customer_code = $1""";

    /** The idempotent-consumer name of the cash-log feed. */
    public static final String CASHLOG_CONSUMER = "masterdata-service/ledger-cashlog";
    static final String REPAYMENT = "repayment";
    /** Every repayment's entry has the source key {@code repayment:<repayment id>}, so it posts once. */
    static final String REPAYMENT_PREFIX = "repayment:";

    @Inject
    TenantTx tx;

    @Inject
    RepaymentEvents repayments;

    @ConfigProperty(name = "kassa.ledger.reservation-ttl", defaultValue = "PT30M")
    Duration reservationTtl;

    public Uni<Balances> balances(String tenantId, String customerCode) {
        return tx.runSql(tenantId, conn -> balances(conn, customerCode));
    }

    /** The customer and their balances, for a till attaching them to a cart (a read: nothing changes). */
    public Uni<Holder> holder(String tenantId, String customerCode) {
        return tx.runSql(tenantId, conn -> conn.preparedQuery(BALANCES).execute(Tuple.of(customerCode)).map(rows -> {
            if (rows.rowCount() == 0) {
                throw MasterDataErrors.notFound("Customer " + customerCode);
            }
            Row r = rows.iterator().next();
            return new Holder(r.getString("customer_code"), r.getString("name"), r.getString("loyalty_tier"),
                    r.getBoolean("is_erased"), balances(r));
        }));
    }

    /**
     * Holds {@code amount} of the customer's credit (or points) for a cart. Refused when it would pass
     * the limit (credit) or the balance (points), when the customer is unknown or erased.
     */
    public Uni<Reservation> reserve(String tenantId, String customerCode, String ledger, BigDecimal amount,
                                    String cartId, String storeCode, Integer terminalNo) {
        if (amount == null || amount.signum() <= 0) {
            return Uni.createFrom().failure(ApiException.validation("amount must be greater than 0"));
        }
        String reserve = switch (ledger) {
            case Ledger.CREDIT -> RESERVE_CREDIT;
            case Ledger.POINTS -> RESERVE_POINTS;
            default -> null;
        };
        if (reserve == null) {
            return Uni.createFrom().failure(ApiException.validation("ledger must be credit or points"));
        }
        String id = UUID.randomUUID().toString();
        return tx.runSql(tenantId, conn -> conn.preparedQuery(ENSURE_ACCOUNT).execute(Tuple.of(customerCode))
                .chain(() -> conn.preparedQuery(RELEASE_EXPIRED).execute(Tuple.of(customerCode)))
                .chain(() -> conn.preparedQuery(reserve).execute(Tuple.of(customerCode, amount)))
                .chain(updated -> updated.rowCount() == 1
                        ? conn.preparedQuery("""
                                INSERT INTO ledger_reservation (reservation_id, customer_code, ledger, amount, status,
                                    cart_id, store_code, terminal_no, expires_at)
                                VALUES ($1, $2, $3, $4, 'reserved', $5, $6, $7, now() + make_interval(secs => $8))
                                RETURNING expires_at""")
                        .execute(Tuple.tuple().addString(id).addString(customerCode).addString(ledger)
                                .addValue(amount).addString(cartId).addString(storeCode).addValue(terminalNo)
                                .addValue((double) reservationTtl.toSeconds()))
                        .map(rows -> new Reservation(id, customerCode, ledger, amount, "reserved",
                                rows.iterator().next().getOffsetDateTime("expires_at").toInstant().toString()))
                        : refusal(conn, customerCode, ledger, amount)));
    }

    /** Why a reservation was refused: unknown or erased customer, or not enough limit or points. */
    private Uni<Reservation> refusal(SqlConnection conn, String customerCode, String ledger, BigDecimal amount) {
        return balances(conn, customerCode).map(b -> {
            throw switch (ledger) {
                case Ledger.CREDIT -> new ApiException(409, MasterDataErrors.CREDIT_LIMIT_EXCEEDED,
                        "Credit of " + plain(amount) + " for customer " + customerCode + " refused: "
                                + plain(b.creditAvailable()) + " of the limit " + plain(b.creditLimit()) + " is available");
                default -> new ApiException(409, MasterDataErrors.POINTS_INSUFFICIENT,
                        "Redeeming " + plain(amount) + " points of customer " + customerCode + " refused: "
                                + plain(b.pointsAvailable()) + " points are available");
            };
        });
    }

    /** The bill took the reservation: it no longer expires and waits for its tranlog to post it. */
    public Uni<Reservation> confirm(String tenantId, String reservationId) {
        return tx.runSql(tenantId, conn -> conn.preparedQuery("""
                        UPDATE ledger_reservation SET status = 'confirmed'
                        WHERE reservation_id = $1 AND status = 'reserved' AND expires_at >= now()""")
                .execute(Tuple.of(reservationId))
                .chain(() -> reservation(conn, reservationId))
                .invoke(r -> {
                    if (r.status().equals("released") || r.status().equals("reserved")) {
                        throw new ApiException(409, MasterDataErrors.RESERVATION_NOT_OPEN,
                                "Reservation " + reservationId + " has expired or been released");
                    }
                }));
    }

    /** Cancel, a failed bill or a timeout: the held amount is free again. Releasing twice is harmless. */
    public Uni<Reservation> release(String tenantId, String reservationId) {
        return tx.runSql(tenantId, conn -> releaseIn(conn, reservationId).chain(() -> reservation(conn, reservationId)));
    }

    /**
     * A repayment of credit taken in the back office: one entry, the balance it lowers and its cash log
     * (terminal 0, {@link RepaymentEvents}) in the outbox, in one transaction. {@code repaymentId} (optional;
     * else a new one) makes a retried request post once and publish nothing new. More than is owed is
     * refused: the back office can still hand the surplus back (a till cannot, see {@link #repaidAtTill}).
     */
    public Uni<Balances> repay(String tenantId, String customerCode, BigDecimal amount, String repaymentId,
                               String reference, String storeCode, String staff) {
        String id = repaymentId == null ? UUID.randomUUID().toString() : repaymentId;
        String key = REPAYMENT_PREFIX + id;
        return tx.runSql(tenantId, conn -> conn.preparedQuery(ENSURE_ACCOUNT).execute(Tuple.of(customerCode))
                .chain(() -> conn.preparedQuery("SELECT credit_balance FROM ledger_account WHERE customer_code = $1 FOR UPDATE")
                        .execute(Tuple.of(customerCode)))
                .chain(rows -> {
                    if (rows.rowCount() == 0) {
                        return Uni.createFrom().failure(MasterDataErrors.notFound("Customer " + customerCode));
                    }
                    BigDecimal owed = rows.iterator().next().getBigDecimal("credit_balance");
                    return post(conn, customerCode, Ledger.CREDIT, REPAYMENT, amount.negate(), key, reference,
                            storeCode, CashLog.BACK_OFFICE, null, null, null).chain(posted -> {
                        if (!posted) {
                            return balances(conn, customerCode);
                        }
                        if (amount.compareTo(owed) > 0) {
                            return Uni.createFrom().failure(ApiException.badRequest(MasterDataErrors.REPAYMENT_TOO_LARGE,
                                    "Repayment of " + plain(amount) + " is more than the " + plain(owed)
                                            + " customer " + customerCode + " owes"));
                        }
                        return repayments.append(conn, repayments.backOffice(tenantId, storeCode, staff,
                                customerCode, id, amount, reference)).chain(() -> balances(conn, customerCode));
                    });
                }));
    }

    /**
     * A repayment taken at a till, from its cash log: posted once under its repayment id, whatever the event
     * id (a back-office repayment's own cash log finds its entry there and posts nothing). Not limited by what
     * is owed: the till has taken the money, so the balance may go below zero and the customer then has
     * credit in hand, which later sales on credit use up first.
     *
     * @return false when the event or the repayment had been posted before
     */
    public Uni<Boolean> repaidAtTill(String tenantId, String eventId, CashLog c) {
        String repaymentId = c.repaymentId() == null || c.repaymentId().isBlank() ? eventId : c.repaymentId();
        String reference = c.description();
        return tx.runSql(tenantId, conn -> conn.preparedQuery("""
                        INSERT INTO kassa.processed_event (consumer, event_id) VALUES ($1, $2) ON CONFLICT DO NOTHING""")
                .execute(Tuple.of(CASHLOG_CONSUMER, eventId))
                .chain(first -> first.rowCount() == 0 ? Uni.createFrom().item(false)
                        : conn.preparedQuery(ENSURE_ACCOUNT).execute(Tuple.of(c.customerCode()))
                        .chain(() -> conn.preparedQuery("SELECT 1 FROM ledger_account WHERE customer_code = $1")
                                .execute(Tuple.of(c.customerCode())))
                        .chain(found -> {
                            if (found.rowCount() == 0) {
                                return Uni.createFrom().failure(MasterDataErrors.notFound("Customer " + c.customerCode()));
                            }
                            return post(conn, c.customerCode(), Ledger.CREDIT, REPAYMENT, c.amount().negate(),
                                    REPAYMENT_PREFIX + repaymentId, reference, c.storeCode(), c.terminalNo(), null,
                                    c.businessDate(), null);
                        })));
    }

    /**
     * Appends one entry and moves the balance by its amount, unless an entry with this source key exists
     * (then nothing changes and the answer is false). The unique key is what makes every posting once-only.
     */
    Uni<Boolean> post(SqlConnection conn, String customerCode, String ledger, String entryType, BigDecimal amount,
                      String sourceKey, String reference, String storeCode, Integer terminalNo, Long transactionNo,
                      String businessDate, OffsetDateTime at) {
        if (amount.signum() == 0) {
            return Uni.createFrom().item(false);
        }
        String column = Ledger.CREDIT.equals(ledger) ? "credit_balance" : "points_balance";
        return conn.preparedQuery("""
                        INSERT INTO ledger_entry (customer_code, ledger, entry_type, amount, source_key, reference,
                            store_code, terminal_no, transaction_no, business_date, entry_datetime)
                        VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, coalesce($11, now()))
                        ON CONFLICT (source_key) DO NOTHING""")
                .execute(Tuple.tuple().addString(customerCode).addString(ledger).addString(entryType).addValue(amount)
                        .addString(sourceKey).addString(reference).addString(storeCode).addValue(terminalNo)
                        .addValue(transactionNo).addString(businessDate).addValue(at))
                .chain(inserted -> inserted.rowCount() == 0 ? Uni.createFrom().item(false)
                        : conn.preparedQuery("UPDATE ledger_account SET " + column + " = " + column
                                        + " + $2 WHERE customer_code = $1")
                                .execute(Tuple.of(customerCode, amount)).replaceWith(true));
    }

    /**
     * A reservation taken by its sale: no longer held (its amount left {@code *_reserved}), now posted.
     * Only an open one moves: a reservation already posted or released changes nothing.
     */
    Uni<Void> settle(SqlConnection conn, String reservationId) {
        return close(conn, reservationId, "posted");
    }

    /** A cancelled cart's reservation, seen in its tranlog: released like {@link #release}. */
    Uni<Void> releaseIn(SqlConnection conn, String reservationId) {
        return close(conn, reservationId, "released");
    }

    /** An open reservation ends as {@code status}; its amount is no longer held. */
    private Uni<Void> close(SqlConnection conn, String reservationId, String status) {
        return conn.preparedQuery("""
                        WITH closed AS (
                            UPDATE ledger_reservation SET status = $2, settled_at = now()
                            WHERE reservation_id = $1 AND status IN ('reserved', 'confirmed')
                            RETURNING customer_code, ledger, amount)
                        UPDATE ledger_account a SET
                            credit_reserved = a.credit_reserved - CASE WHEN c.ledger = 'credit' THEN c.amount ELSE 0 END,
                            points_reserved = a.points_reserved - CASE WHEN c.ledger = 'points' THEN c.amount ELSE 0 END
                        FROM closed c WHERE a.customer_code = c.customer_code""")
                .execute(Tuple.of(reservationId, status)).replaceWithVoid();
    }

    Uni<Balances> balances(SqlConnection conn, String customerCode) {
        return conn.preparedQuery(BALANCES).execute(Tuple.of(customerCode)).map(rows -> {
            if (rows.rowCount() == 0) {
                throw MasterDataErrors.notFound("Customer " + customerCode);
            }
            return balances(rows.iterator().next());
        });
    }

    static Balances balances(Row r) {
        BigDecimal limit = r.getBigDecimal("credit_limit");
        BigDecimal owed = r.getBigDecimal("credit_balance");
        BigDecimal held = r.getBigDecimal("credit_reserved");
        BigDecimal points = r.getBigDecimal("points_balance");
        BigDecimal pointsHeld = r.getBigDecimal("points_reserved");
        return new Balances(r.getString("customer_code"), plainValue(limit), plainValue(owed), plainValue(held),
                plainValue(limit.subtract(owed).subtract(held).max(BigDecimal.ZERO)), plainValue(points),
                plainValue(pointsHeld), plainValue(points.subtract(pointsHeld)));
    }

    private static Uni<Reservation> reservation(SqlConnection conn, String reservationId) {
        return conn.preparedQuery("""
                        SELECT reservation_id, customer_code, ledger, amount, status, expires_at
                        FROM ledger_reservation WHERE reservation_id = $1""")
                .execute(Tuple.of(reservationId)).map(rows -> {
                    if (rows.rowCount() == 0) {
                        throw MasterDataErrors.notFound("Reservation " + reservationId);
                    }
                    Row r = rows.iterator().next();
                    return new Reservation(r.getString("reservation_id"), r.getString("customer_code"),
                            r.getString("ledger"), plainValue(r.getBigDecimal("amount")), r.getString("status"),
                            r.getOffsetDateTime("expires_at").toInstant().toString());
                });
    }

    static BigDecimal plainValue(BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros();
    }

    static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
