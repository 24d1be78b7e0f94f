package dev.kassa.masterdata.service;

import dev.kassa.common.pg.TenantTx;
import dev.kassa.masterdata.config.MasterDataConfig;
import dev.kassa.masterdata.domain.Ledger;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The customer reports, read from the ledgers that own the figures: outstanding credit with ageing,
 * points liability, top customers. Their shape follows the report service's dashboards: a header of
 * what was asked, then ranked or listed rows, amounts as JSON numbers.
 */
@ApplicationScoped
public class CustomerReports {
    static final DateTimeFormatter BUSINESS_DATE = DateTimeFormatter.BASIC_ISO_DATE;

    @Inject
    TenantTx tx;

    @Inject
    MasterDataConfig config;

    @Inject
    LedgerPostings postings;

    public record CreditRow(String customerCode, String customerName, BigDecimal creditLimit,
                            BigDecimal outstanding, BigDecimal days0To30, BigDecimal days31To60,
                            BigDecimal days61To90, BigDecimal over90) {
    }

    public record CreditAgeing(String asOf, int customerCount, BigDecimal totalOutstanding, BigDecimal days0To30,
                               BigDecimal days31To60, BigDecimal days61To90, BigDecimal over90,
                               List<CreditRow> customers) {
    }

    public record TierPoints(String loyaltyTier, int customerCount, BigDecimal points, BigDecimal value) {
    }

    public record PointsLiability(BigDecimal pointValue, int customerCount, BigDecimal totalPoints,
                                  BigDecimal totalValue, List<TierPoints> tiers) {
    }

    public record TopCustomer(int rank, String customerCode, String customerName, BigDecimal amount,
                              int saleCount) {
    }

    public record TopCustomers(String businessDateFrom, String businessDateTo, List<TopCustomer> customers) {
    }

    /** Every customer who owes, with the debt aged first-in-first-out as of {@code asOf}. */
    public Uni<CreditAgeing> creditAgeing(String tenantId, LocalDate asOf) {
        return tx.runSql(tenantId, conn -> conn.preparedQuery("""
                        SELECT a.customer_code, c.name, c.credit_limit, a.credit_balance
                        FROM ledger_account a JOIN customer c ON c.customer_code = a.customer_code
                        WHERE a.credit_balance > 0 ORDER BY a.customer_code""").execute()
                .chain(owing -> conn.preparedQuery("""
                                SELECT customer_code, amount, source_key, reference, business_date, entry_datetime
                                FROM ledger_entry
                                WHERE ledger = 'credit' AND customer_code IN
                                      (SELECT customer_code FROM ledger_account WHERE credit_balance > 0)
                                ORDER BY entry_id""")
                        .execute()
                        .map(entryRows -> {
                            Map<String, List<Ledger.Debt>> debts = debts(entryRows);
                            List<CreditRow> rows = new ArrayList<>();
                            BigDecimal[] sums = {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO};
                            for (Row r : owing) {
                                BigDecimal owed = r.getBigDecimal("credit_balance");
                                Ledger.Ageing a = Ledger.age(owed,
                                        debts.getOrDefault(r.getString("customer_code"), List.of()), asOf);
                                sums[0] = sums[0].add(a.days0To30());
                                sums[1] = sums[1].add(a.days31To60());
                                sums[2] = sums[2].add(a.days61To90());
                                sums[3] = sums[3].add(a.over90());
                                rows.add(new CreditRow(r.getString("customer_code"), r.getString("name"),
                                        n(r.getBigDecimal("credit_limit")), n(owed), n(a.days0To30()),
                                        n(a.days31To60()), n(a.days61To90()), n(a.over90())));
                            }
                            BigDecimal total = sums[0].add(sums[1]).add(sums[2]).add(sums[3]);
                            return new CreditAgeing(asOf.format(BUSINESS_DATE), rows.size(), n(total), n(sums[0]),
                                    n(sums[1]), n(sums[2]), n(sums[3]), rows);
                        })));
    }

    /** The points customers hold, and what they are worth at the tenant's point value. */
    public Uni<PointsLiability> pointsLiability(String tenantId) {
        return tx.runSql(tenantId, conn -> postings.rule(conn).chain(rule -> conn.preparedQuery("""
                        SELECT c.loyalty_tier, count(*) AS customers, sum(a.points_balance) AS points
                        FROM ledger_account a JOIN customer c ON c.customer_code = a.customer_code
                        WHERE a.points_balance > 0 GROUP BY c.loyalty_tier ORDER BY c.loyalty_tier""").execute()
                .map(rows -> {
                    List<TierPoints> tiers = new ArrayList<>();
                    BigDecimal points = BigDecimal.ZERO;
                    int customers = 0;
                    for (Row r : rows) {
                        BigDecimal p = r.getBigDecimal("points");
                        int count = r.getLong("customers").intValue();
                        tiers.add(new TierPoints(r.getString("loyalty_tier"), count, n(p), n(p.multiply(rule.pointValue()))));
                        points = points.add(p);
                        customers += count;
                    }
                    return new PointsLiability(n(rule.pointValue()), customers, n(points),
                            n(points.multiply(rule.pointValue())), tiers);
                })));
    }

    /** Customers by what they bought (returns and voids deducted) between two business dates, inclusive. */
    public Uni<TopCustomers> topCustomers(String tenantId, String from, String to, int limit) {
        return tx.runSql(tenantId, conn -> conn.preparedQuery("""
                        SELECT p.customer_code, c.name, sum(p.amount) AS amount,
                               count(*) FILTER (WHERE p.amount > 0) AS sales
                        FROM customer_purchase p LEFT JOIN customer c ON c.customer_code = p.customer_code
                        WHERE p.business_date BETWEEN $1 AND $2
                        GROUP BY p.customer_code, c.name
                        ORDER BY sum(p.amount) DESC, p.customer_code LIMIT $3""")
                .execute(Tuple.of(from, to, limit))
                .map(rows -> {
                    List<TopCustomer> top = new ArrayList<>();
                    for (Row r : rows) {
                        top.add(new TopCustomer(top.size() + 1, r.getString("customer_code"), r.getString("name"),
                                n(r.getBigDecimal("amount")), r.getLong("sales").intValue()));
                    }
                    return new TopCustomers(from, to, top);
                }));
    }

    /**
     * The credit postings that are still debts, per customer: each sale's posting less what its own
     * returns and voids took back (they name it in {@code reference}). Repayments are left to the FIFO.
     */
    private Map<String, List<Ledger.Debt>> debts(Iterable<Row> entries) {
        Map<String, String> customerOf = new java.util.LinkedHashMap<>();
        Map<String, LocalDate> dateOf = new HashMap<>();
        Map<String, BigDecimal> left = new java.util.LinkedHashMap<>();
        List<Row> reversals = new ArrayList<>();
        for (Row r : entries) {
            BigDecimal amount = r.getBigDecimal("amount");
            String key = transactionOf(r.getString("source_key"));
            if (amount.signum() > 0) {
                left.merge(key, amount, BigDecimal::add);
                customerOf.put(key, r.getString("customer_code"));
                dateOf.putIfAbsent(key, dateOf(r));
            } else if (r.getString("reference") != null && r.getString("reference").startsWith("tranlog:")) {
                reversals.add(r);
            }
        }
        for (Row r : reversals) {
            left.computeIfPresent(r.getString("reference"), (k, v) -> v.add(r.getBigDecimal("amount")).max(BigDecimal.ZERO));
        }
        Map<String, List<Ledger.Debt>> debts = new HashMap<>();
        left.forEach((key, amount) -> {
            if (amount.signum() > 0) {
                debts.computeIfAbsent(customerOf.get(key), k -> new ArrayList<>()).add(new Ledger.Debt(dateOf.get(key), amount));
            }
        });
        return debts;
    }

    /** {@code tranlog:<store>:<terminal>:<no>} of an entry's source key; other sources are their own key. */
    private static String transactionOf(String sourceKey) {
        int ledgerPart = sourceKey.indexOf(":credit:");
        return sourceKey.startsWith("tranlog:") && ledgerPart > 0 ? sourceKey.substring(0, ledgerPart) : sourceKey;
    }

    private LocalDate dateOf(Row r) {
        String businessDate = r.getString("business_date");
        if (businessDate != null && businessDate.length() == 8) {
            try {
                return LocalDate.parse(businessDate, BUSINESS_DATE);
            } catch (RuntimeException ignored) {
                // not a business date: the entry's own time counts
            }
        }
        return r.getOffsetDateTime("entry_datetime").atZoneSameInstant(config.zone()).toLocalDate();
    }

    private static BigDecimal n(BigDecimal value) {
        return value.stripTrailingZeros();
    }
}
