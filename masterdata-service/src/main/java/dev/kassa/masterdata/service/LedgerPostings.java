package dev.kassa.masterdata.service;

import com.fasterxml.jackson.databind.JsonNode;
import dev.kassa.common.event.TranLog;
import dev.kassa.common.pg.TenantTx;
import dev.kassa.masterdata.domain.Ledger;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Posts a customer's tranlog to the ledgers, once. A sale (101) posts its credit payments as debt,
 * its points payments as points spent and the points its total earns by the tenant's rule; it settles
 * the reservations its payments name, so a reservation and its posting are never both counted. A
 * return (102) or void (201, 202) posts its own payments the other way and takes back (or gives back)
 * the points its original earned. A cancelled sale only releases its reservations.
 *
 * <p>Once: the event id is recorded in the same transaction ({@code kassa.processed_event}), and every
 * entry has a unique source key made of the transaction's numbers, so even the same transaction under
 * another event id posts nothing twice.
 */
@ApplicationScoped
public class LedgerPostings {
    public static final String CONSUMER = "masterdata-service/ledger";
    /** Tenant settings of the loyalty rule. */
    public static final String POINTS_PER_AMOUNT_SETTING = "loyalty_amount_per_point";
    public static final String POINT_VALUE_SETTING = "loyalty_point_value";
    /** Where a payment names its reservation: {@code detail = "reservation:<id>"}. */
    public static final String RESERVATION_PREFIX = "reservation:";

    @Inject
    TenantTx tx;

    @Inject
    LedgerService ledger;

    @ConfigProperty(name = "kassa.ledger.credit-payment-code", defaultValue = "31")
    String creditCode;

    @ConfigProperty(name = "kassa.ledger.points-payment-code", defaultValue = "21")
    String pointsCode;

    /** The customer a tranlog is for: its {@code customer_code}, else {@code additional_info.customer_code}. */
    public static String customerOf(JsonNode tranlog) {
        String code = tranlog.path("customer_code").asText("");
        if (code.isBlank()) {
            code = tranlog.path("additional_info").path("customer_code").asText("");
        }
        return code.isBlank() ? null : code;
    }

    /** @return false when the event had been posted before */
    public Uni<Boolean> post(String tenantId, String eventId, JsonNode t) {
        String customer = customerOf(t);
        return tx.runSql(tenantId, conn -> conn.preparedQuery("""
                        INSERT INTO kassa.processed_event (consumer, event_id) VALUES ($1, $2) ON CONFLICT DO NOTHING""")
                .execute(Tuple.of(CONSUMER, eventId))
                .chain(first -> first.rowCount() == 0 ? Uni.createFrom().item(false)
                        : conn.preparedQuery(LedgerService.ENSURE_ACCOUNT).execute(Tuple.of(customer))
                        .chain(() -> rule(conn))
                        .chain(rule -> apply(conn, customer, t, rule))
                        .replaceWith(true)));
    }

    private Uni<Void> apply(SqlConnection conn, String customer, JsonNode t, Ledger.PointsRule rule) {
        int type = t.path("transaction_type").asInt();
        String key = key(t);
        String businessDate = t.path("business_date").asText(null);
        Posting at = new Posting(ledger, conn, customer, t.path("store_code").asText(null), t.path("terminal_no").asInt(),
                t.path("transaction_no").asLong(), businessDate, String.valueOf(t.path("receipt_no").asLong()));
        List<Supplier<Uni<?>>> steps = new ArrayList<>();
        boolean cancelled = t.path("sales").path("is_cancelled").asBoolean(false);
        for (JsonNode p : t.path("payments")) {
            String code = p.path("payment_code").asText("");
            if (!code.equals(creditCode) && !code.equals(pointsCode)) {
                continue;
            }
            String reservation = reservationOf(p);
            if (cancelled) {
                if (reservation != null) {
                    steps.add(() -> ledger.releaseIn(conn, reservation));
                }
                continue;
            }
            boolean credit = code.equals(creditCode);
            BigDecimal amount = new BigDecimal(p.path("amount").asText("0"));
            // a sale owes more credit and spends points; a return or void gives them back
            BigDecimal effect = credit ? amount : rule.pointsFor(amount).negate();
            if (type != TranLog.SALE && type != TranLog.VOID_RETURN) {
                effect = effect.negate();
            }
            BigDecimal posted = effect;
            String ledgerName = credit ? Ledger.CREDIT : Ledger.POINTS;
            String paymentKey = key + ":" + ledgerName + ":" + p.path("payment_no").asInt();
            // a reversal names its original, so the ageing report can net the two
            String reference = type == TranLog.SALE || !t.hasNonNull("origin") ? null : key(t.path("origin"));
            steps.add(() -> at.post(ledgerName, entryType(type), posted, paymentKey, reference));
            if (reservation != null) {
                steps.add(() -> ledger.settle(conn, reservation));
            }
        }
        if (!cancelled && businessDate != null) {
            BigDecimal total = new BigDecimal(t.path("sales").path("total_amount_with_tax").asText("0"));
            BigDecimal bought = type == TranLog.SALE || type == TranLog.VOID_RETURN ? total : total.negate();
            steps.add(() -> conn.preparedQuery("""
                            INSERT INTO customer_purchase (source_key, customer_code, business_date, amount)
                            VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING""")
                    .execute(Tuple.of(key, customer, businessDate, bought)));
        }
        if (!cancelled) {
            String earnedKey = key + ":points:earned";
            if (type == TranLog.SALE) {
                BigDecimal earned = rule.earned(new BigDecimal(t.path("sales").path("total_amount_with_tax").asText("0")));
                steps.add(() -> at.post(Ledger.POINTS, entryType(type), earned, earnedKey));
            } else if (t.hasNonNull("origin")) {
                // a reversal takes back exactly what its original earned (or gives back what it took)
                String originKey = key(t.path("origin")) + ":points:earned";
                steps.add(() -> conn.preparedQuery("SELECT amount FROM ledger_entry WHERE source_key = $1")
                        .execute(Tuple.of(originKey))
                        .chain(rows -> rows.rowCount() == 0 ? Uni.createFrom().item(false)
                                : at.post(Ledger.POINTS, entryType(type),
                                rows.iterator().next().getBigDecimal("amount").negate(), earnedKey)));
            }
        }
        Uni<?> chain = Uni.createFrom().voidItem();
        for (Supplier<Uni<?>> step : steps) {
            chain = chain.chain(step::get);
        }
        return chain.replaceWithVoid();
    }

    private record Posting(LedgerService ledger, SqlConnection conn, String customer, String store, int terminal, long transactionNo,
                           String businessDate, String receipt) {
        Uni<Boolean> post(String ledgerName, String entryType, BigDecimal amount, String sourceKey) {
            return post(ledgerName, entryType, amount, sourceKey, null);
        }

        Uni<Boolean> post(String ledgerName, String entryType, BigDecimal amount, String sourceKey, String origin) {
            return ledger.post(conn, customer, ledgerName, entryType, amount, sourceKey,
                    origin == null ? "receipt " + receipt : origin, store, terminal, transactionNo, businessDate, null);
        }
    }

    /** The tenant's loyalty rule from its settings; no setting earns nothing and values a point at 1. */
    public Uni<Ledger.PointsRule> rule(SqlConnection conn) {
        return conn.preparedQuery("SELECT name, default_value FROM setting WHERE name = ANY($1)")
                .execute(Tuple.of(new String[]{POINTS_PER_AMOUNT_SETTING, POINT_VALUE_SETTING}))
                .map(rows -> {
                    BigDecimal perPoint = BigDecimal.ZERO;
                    BigDecimal value = BigDecimal.ONE;
                    for (var r : rows) {
                        BigDecimal v = decimal(r.getString("default_value"));
                        if (v == null || v.signum() <= 0) {
                            continue;
                        }
                        if (POINTS_PER_AMOUNT_SETTING.equals(r.getString("name"))) {
                            perPoint = v;
                        } else {
                            value = v;
                        }
                    }
                    return new Ledger.PointsRule(perPoint, value);
                });
    }

    private static BigDecimal decimal(String text) {
        try {
            return text == null ? null : new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static String reservationOf(JsonNode payment) {
        String detail = payment.path("detail").asText("");
        return detail.startsWith(RESERVATION_PREFIX) ? detail.substring(RESERVATION_PREFIX.length()) : null;
    }

    static String entryType(int transactionType) {
        return switch (transactionType) {
            case TranLog.SALE -> "sale";
            case TranLog.RETURN -> "return";
            default -> "void";
        };
    }

    /** A transaction's identity: store, terminal and transaction number. */
    static String key(JsonNode t) {
        return "tranlog:" + t.path("store_code").asText() + ":" + t.path("terminal_no").asInt() + ":"
                + t.path("transaction_no").asLong();
    }
}
