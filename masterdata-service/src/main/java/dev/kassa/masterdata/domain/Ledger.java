package dev.kassa.masterdata.domain;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The values of the customer ledgers, and the pure rules on them (points earned, ageing of a debt). */
public final class Ledger {
    public static final String CREDIT = "credit";
    public static final String POINTS = "points";

    private Ledger() {
    }

    public record Balances(String customerCode, BigDecimal creditLimit, BigDecimal creditBalance,
                           BigDecimal creditReserved, BigDecimal creditAvailable, BigDecimal pointsBalance,
                           BigDecimal pointsReserved, BigDecimal pointsAvailable) {
    }

    /** A customer as a till sees them when attaching them to a cart: who, their tier, and what they can spend. */
    public record Holder(String customerCode, String name, String loyaltyTier, boolean erased, Balances balances) {
    }

    public record Reservation(String reservationId, String customerCode, String ledger, BigDecimal amount,
                              String status, String expiresAt) {
    }

    public record Entry(long entryId, String customerCode, String ledger, String entryType, BigDecimal amount,
                        String reference, String storeCode, Integer terminalNo, Long transactionNo,
                        String businessDate, String entryDatetime) {
    }

    /** A debt that is still open: what is left of one credit posting, and the day it was made. */
    public record Debt(LocalDate date, BigDecimal amount) {
    }

    /** Outstanding credit by age in days: 0-30, 31-60, 61-90, over 90. */
    public record Ageing(BigDecimal days0To30, BigDecimal days31To60, BigDecimal days61To90, BigDecimal over90) {
        public BigDecimal total() {
            return days0To30.add(days31To60).add(days61To90).add(over90);
        }
    }

    /** The tenant's loyalty rule (settings): one point per {@code amountPerPoint} of sales; a point is worth {@code pointValue}. */
    public record PointsRule(BigDecimal amountPerPoint, BigDecimal pointValue) {
        /** Whole points for a sale's total after discounts; no rule (0) earns nothing. */
        public BigDecimal earned(BigDecimal total) {
            if (amountPerPoint.signum() <= 0 || total == null || total.signum() <= 0) {
                return BigDecimal.ZERO;
            }
            return total.divideToIntegralValue(amountPerPoint).stripTrailingZeros();
        }

        /** The points a payment of {@code amount} by points redeems. */
        public BigDecimal pointsFor(BigDecimal amount) {
            return amount.divide(pointValue, 4, java.math.RoundingMode.UP).stripTrailingZeros();
        }
    }

    /**
     * Ages what a customer owes, first in first out: repayments and returns settle the oldest debt
     * first, so the {@code outstanding} amount is the newest postings'. {@code postings} are the
     * positive credit entries, any order.
     */
    public static Ageing age(BigDecimal outstanding, List<Debt> postings, LocalDate asOf) {
        BigDecimal[] buckets = {BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO};
        BigDecimal left = outstanding;
        List<Debt> newestFirst = new ArrayList<>(postings);
        newestFirst.sort(Comparator.comparing(Debt::date).reversed());
        for (Debt d : newestFirst) {
            if (left.signum() <= 0) {
                break;
            }
            BigDecimal part = d.amount().min(left);
            left = left.subtract(part);
            buckets[bucket(d.date(), asOf)] = buckets[bucket(d.date(), asOf)].add(part);
        }
        if (left.signum() > 0) { // owed beyond the postings seen (adjustments): the oldest bucket
            buckets[3] = buckets[3].add(left);
        }
        return new Ageing(buckets[0], buckets[1], buckets[2], buckets[3]);
    }

    static int bucket(LocalDate date, LocalDate asOf) {
        long days = java.time.temporal.ChronoUnit.DAYS.between(date, asOf);
        if (days <= 30) {
            return 0;
        }
        if (days <= 60) {
            return 1;
        }
        return days <= 90 ? 2 : 3;
    }
}
