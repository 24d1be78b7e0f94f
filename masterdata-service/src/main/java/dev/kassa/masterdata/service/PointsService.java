package dev.kassa.masterdata.service;

import dev.kassa.common.api.ApiException;
import dev.kassa.common.api.PageRequest;
import dev.kassa.common.pg.TenantTx;
import dev.kassa.masterdata.config.MasterDataConfig;
import dev.kassa.masterdata.domain.Ledger;
import dev.kassa.masterdata.domain.Ledger.Balances;
import dev.kassa.masterdata.domain.MasterDataErrors;
import dev.kassa.masterdata.repository.Pages;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What is done to the points by hand or by the calendar: adjustments, expiry first in first out, and
 * the reading of a customer's entries. Every change is one entry with a unique source key and the
 * balance it moves, in one transaction, as {@link LedgerService#post} does for sales.
 */
@ApplicationScoped
public class PointsService {
    /** Tenant setting: days a point stays valid after the day it was earned; absent, points never expire. */
    public static final String VALID_DAYS_SETTING = "loyalty_points_valid_days";
    static final DateTimeFormatter BUSINESS_DATE = DateTimeFormatter.BASIC_ISO_DATE;

    /**
     * The accounts that can lose points, locked first, in their own statement: the computation after it
     * then sees every posting committed before the lock was granted (a sale posted meanwhile waits, and
     * two runs at once, two replicas or an API call beside the daily job, see each other's expiries).
     */
    static final String LOCK_HOLDERS = """
            SELECT customer_code FROM ledger_account WHERE points_balance - points_reserved > 0
            ORDER BY customer_code FOR UPDATE""";

    /**
     * Per locked customer, what FIFO expires for a cutoff: every positive entry is a lot dated by its
     * business day (its own day when it has none), every negative entry (redemptions, points taken back
     * by returns and voids, negative adjustments, earlier expiries) used the oldest lots first. So what is
     * left of the lots before the cutoff is {@code earned before - taken}, never below 0 and never more
     * than the customer can spend.
     */
    static final String EXPIRING = """
            WITH lots AS (
                SELECT customer_code,
                       coalesce(sum(amount) FILTER (WHERE amount > 0 AND coalesce(business_date,
                           to_char(entry_datetime AT TIME ZONE $2::text, 'YYYYMMDD')) < $1), 0) AS earned,
                       coalesce(-sum(amount) FILTER (WHERE amount < 0), 0) AS taken
                FROM ledger_entry WHERE ledger = 'points' AND customer_code = ANY($3)
                GROUP BY customer_code)
            SELECT a.customer_code,
                   least(a.points_balance - a.points_reserved, greatest(lots.earned - lots.taken, 0)) AS expiring
            FROM ledger_account a JOIN lots ON lots.customer_code = a.customer_code
            ORDER BY a.customer_code""";

    @Inject
    TenantTx tx;

    @Inject
    LedgerService ledger;

    @Inject
    MasterDataConfig config;

    /** What one expiry run did: the cutoff, the customers who lost points, and how many. */
    public record PointsExpiry(String earnedBefore, int customerCount, BigDecimal pointsExpired) {
    }

    /** One ledger entry as a customer's statement shows it; {@code sign} is +1 when it raised the balance. */
    public record Entry(long entryId, String ledger, String entryType, BigDecimal amount, int sign,
                        String reference, String storeCode, Integer terminalNo, Long transactionNo,
                        String businessDate, String entryDatetime) {
    }

    /**
     * Gives (positive) or takes (negative) points by hand. Taking more than the customer can spend (the
     * balance less what open carts hold) is refused; so is an erased or unknown customer. The same
     * {@code adjustmentId} again posts nothing and answers the balances as they are.
     */
    public Uni<Balances> adjust(String tenantId, String customerCode, BigDecimal points, String reason,
                                String adjustmentId) {
        return adjust(tenantId, customerCode, Ledger.POINTS, points, reason, adjustmentId);
    }

    /**
     * Adds to (positive) or writes off (negative) what the customer owes, by hand. A charge past the
     * credit limit (counting what carts hold) is refused, and so is writing off more than is owed: the
     * ledger does not hold deposits. Once per {@code adjustmentId}, as for points.
     */
    public Uni<Balances> adjustCredit(String tenantId, String customerCode, BigDecimal amount, String reason,
                                      String adjustmentId) {
        return adjust(tenantId, customerCode, Ledger.CREDIT, amount, reason, adjustmentId);
    }

    private Uni<Balances> adjust(String tenantId, String customerCode, String ledgerName, BigDecimal amount,
                                 String reason, String adjustmentId) {
        if (amount.signum() == 0) {
            return Uni.createFrom().failure(ApiException.validation("Invalid input data: "
                    + (Ledger.POINTS.equals(ledgerName) ? "points" : "amount") + ": must not be 0"));
        }
        String key = "adjustment:" + ledgerName + ":"
                + (adjustmentId == null ? UUID.randomUUID().toString() : adjustmentId);
        return tx.runSql(tenantId, conn -> conn.preparedQuery(LedgerService.ENSURE_ACCOUNT).execute(Tuple.of(customerCode))
                .chain(() -> conn.preparedQuery(LedgerService.RELEASE_EXPIRED).execute(Tuple.of(customerCode)))
                .chain(() -> conn.preparedQuery("""
                                SELECT a.points_balance - a.points_reserved AS points_available, a.credit_balance,
                                       c.credit_limit - a.credit_balance - a.credit_reserved AS credit_available,
                                       c.is_erased, EXISTS (SELECT 1 FROM ledger_entry WHERE source_key = $2) AS posted
                                FROM ledger_account a JOIN customer c ON c.customer_code = a.customer_code
                                WHERE a.customer_code = $1 FOR UPDATE OF a""")
                        .execute(Tuple.of(customerCode, key)))
                .chain(rows -> {
                    if (rows.rowCount() == 0) {
                        return Uni.createFrom().failure(MasterDataErrors.notFound("Customer " + customerCode));
                    }
                    Row r = rows.iterator().next();
                    if (r.getBoolean("posted")) {
                        return ledger.balances(conn, customerCode);
                    }
                    if (r.getBoolean("is_erased")) {
                        return Uni.createFrom().failure(MasterDataErrors.customerErased(customerCode));
                    }
                    ApiException refused = Ledger.POINTS.equals(ledgerName)
                            ? pointsRefusal(customerCode, amount, r.getBigDecimal("points_available"))
                            : creditRefusal(customerCode, amount, r.getBigDecimal("credit_balance"),
                            r.getBigDecimal("credit_available"));
                    if (refused != null) {
                        return Uni.createFrom().failure(refused);
                    }
                    return ledger.post(conn, customerCode, ledgerName, "adjustment", amount, key, reason, null, null,
                                    null, today(), null)
                            .chain(() -> ledger.balances(conn, customerCode));
                }));
    }

    private static ApiException pointsRefusal(String customerCode, BigDecimal points, BigDecimal available) {
        return available.add(points).signum() >= 0 ? null : new ApiException(409, MasterDataErrors.POINTS_INSUFFICIENT,
                "Taking " + LedgerService.plain(points.negate()) + " points of customer " + customerCode
                        + " refused: " + LedgerService.plain(available) + " points are available");
    }

    private static ApiException creditRefusal(String customerCode, BigDecimal amount, BigDecimal owed,
                                              BigDecimal available) {
        if (amount.signum() > 0 && amount.compareTo(available) > 0) {
            return new ApiException(409, MasterDataErrors.CREDIT_LIMIT_EXCEEDED, "Credit of "
                    + LedgerService.plain(amount) + " for customer " + customerCode + " refused: "
                    + LedgerService.plain(available.max(BigDecimal.ZERO)) + " of the limit is available");
        }
        if (amount.signum() < 0 && amount.negate().compareTo(owed) > 0) {
            return ApiException.badRequest(MasterDataErrors.REPAYMENT_TOO_LARGE, "Writing off "
                    + LedgerService.plain(amount.negate()) + " is more than the " + LedgerService.plain(owed)
                    + " customer " + customerCode + " owes");
        }
        return null;
    }

    /**
     * Expires, for every customer, the points earned before {@code cutoff} that are still unspent: one
     * {@code expiry} entry each, keyed {@code expiry:<customer>:<cutoff>}. A second run for the same
     * cutoff or an earlier one finds nothing left, since the first run's entries count as taken.
     */
    public Uni<PointsExpiry> expire(String tenantId, LocalDate cutoff) {
        String before = cutoff.format(BUSINESS_DATE);
        return tx.runSql(tenantId, conn -> conn.preparedQuery(LOCK_HOLDERS).execute()
                .chain(locked -> {
                    List<String> holders = new ArrayList<>();
                    locked.forEach(r -> holders.add(r.getString("customer_code")));
                    return conn.preparedQuery(EXPIRING)
                            .execute(Tuple.of(before, config.zone().getId(), holders.toArray(new String[0])));
                })
                .chain(rows -> post(conn, rows, before)));
    }

    private Uni<PointsExpiry> post(SqlConnection conn, RowSet<Row> rows, String before) {
        String today = today();
        Uni<PointsExpiry> chain = Uni.createFrom().item(new PointsExpiry(before, 0, BigDecimal.ZERO));
        for (Row r : rows) {
            String customer = r.getString("customer_code");
            BigDecimal expiring = r.getBigDecimal("expiring");
            if (expiring.signum() <= 0) {
                continue;
            }
            chain = chain.chain(sum -> ledger.post(conn, customer, Ledger.POINTS, "expiry", expiring.negate(),
                            "expiry:" + customer + ":" + before, "points earned before " + before, null, null, null,
                            today, null)
                    .map(posted -> posted ? new PointsExpiry(before, sum.customerCount() + 1,
                            sum.pointsExpired().add(expiring)) : sum));
        }
        return chain.map(sum -> new PointsExpiry(before, sum.customerCount(),
                LedgerService.plainValue(sum.pointsExpired())));
    }

    /**
     * The tenant's own expiry rule, as of {@code today}: points earned more than
     * {@value #VALID_DAYS_SETTING} days before expire. Empty when the tenant has no (valid) setting.
     */
    public Uni<Optional<PointsExpiry>> expireByRule(String tenantId, LocalDate today) {
        return tx.runSql(tenantId, conn -> conn.preparedQuery("SELECT default_value FROM setting WHERE name = $1")
                        .execute(Tuple.of(VALID_DAYS_SETTING)).map(rows -> rows.rowCount() == 0 ? Optional.<Integer>empty()
                                : validDays(rows.iterator().next().getString("default_value"))))
                .chain(days -> days.isEmpty() ? Uni.createFrom().item(Optional.<PointsExpiry>empty())
                        : expire(tenantId, today.minusDays(days.get())).map(Optional::of));
    }

    static Optional<Integer> validDays(String text) {
        try {
            int days = Integer.parseInt(text == null ? "" : text.trim());
            return days > 0 ? Optional.of(days) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** A customer's entries of one ledger, newest first. Unknown customer: 404. */
    public Uni<Pages.Page<Entry>> entries(String tenantId, String customerCode, String ledgerName, PageRequest page) {
        return tx.runSql(tenantId, conn -> conn.preparedQuery("""
                        SELECT (SELECT count(*) FROM ledger_entry WHERE customer_code = $1 AND ledger = $2) AS total
                        FROM customer WHERE customer_code = $1""")
                .execute(Tuple.of(customerCode, ledgerName))
                .chain(counted -> {
                    if (counted.rowCount() == 0) {
                        return Uni.createFrom().failure(MasterDataErrors.notFound("Customer " + customerCode));
                    }
                    long total = counted.iterator().next().getLong("total");
                    return conn.preparedQuery("""
                                    SELECT entry_id, ledger, entry_type, amount, reference, store_code, terminal_no,
                                           transaction_no, business_date, entry_datetime
                                    FROM ledger_entry WHERE customer_code = $1 AND ledger = $2
                                    ORDER BY entry_datetime DESC, entry_id DESC LIMIT $3 OFFSET $4""")
                            .execute(Tuple.of(customerCode, ledgerName, page.limit(), page.offset()))
                            .map(rows -> {
                                List<Entry> entries = new ArrayList<>();
                                for (Row r : rows) {
                                    BigDecimal amount = r.getBigDecimal("amount");
                                    entries.add(new Entry(r.getLong("entry_id"), r.getString("ledger"),
                                            r.getString("entry_type"), LedgerService.plainValue(amount), amount.signum(),
                                            r.getString("reference"), r.getString("store_code"),
                                            r.getInteger("terminal_no"), r.getLong("transaction_no"),
                                            r.getString("business_date"),
                                            r.getOffsetDateTime("entry_datetime").toInstant().toString()));
                                }
                                return new Pages.Page<>(entries, total);
                            });
                }));
    }

    private String today() {
        return LocalDate.now(config.zone()).format(BUSINESS_DATE);
    }
}
