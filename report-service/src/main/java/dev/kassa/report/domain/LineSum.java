package dev.kassa.report.domain;

import dev.kassa.common.event.TranLog;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

/**
 * Sums of sold lines, signed by their transaction: gross (price × quantity, before any discount),
 * discount, quantity, quantity that had a discount, and the transactions involved (a sale and its
 * void or return cancel out).
 */
final class LineSum {
    BigDecimal gross = BigDecimal.ZERO;
    BigDecimal discount = BigDecimal.ZERO;
    int quantity;
    int discountQuantity;
    private final Map<String, Integer> transactions = new HashMap<>();

    void add(TranLog t, int quantity, BigDecimal gross, BigDecimal discount) {
        int f = TransactionTypes.factor(t.transactionType());
        this.gross = this.gross.add(Money.times(f, gross));
        this.discount = this.discount.add(Money.times(f, discount));
        this.quantity += f * quantity;
        if (Money.nz(discount).signum() > 0) {
            discountQuantity += f * quantity;
        }
        transactions.put(TransactionTypes.identity(t), f);
    }

    BigDecimal net() {
        return gross.subtract(discount);
    }

    int transactionCount() {
        return transactions.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** A line's own discounts (the line amount is already net of them). */
    static BigDecimal lineDiscounts(TranLog.LineItem line) {
        return Money.sum(line.discounts(), TranLog.Discount::discountAmount);
    }

    /** The line's share of the subtotal discounts. */
    static BigDecimal allocated(TranLog.LineItem line) {
        return Money.sum(line.discountsAllocated(), TranLog.AllocatedDiscount::discountAmount);
    }

    /** Price × quantity: the line amount with its own discounts added back. */
    static BigDecimal gross(TranLog.LineItem line) {
        return Money.nz(line.amount()).add(lineDiscounts(line));
    }
}
