package dev.kassa.cart.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.function.Function;

/** BigDecimal helpers. Money is never a double. */
public final class Money {
    public static final BigDecimal ZERO = BigDecimal.ZERO;
    public static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** Digits kept for an intermediate quotient before the final rounding (enough for any real receipt). */
    private static final int WORK_SCALE = 20;

    private Money() {
    }

    public static BigDecimal orZero(BigDecimal value) {
        return value == null ? ZERO : value;
    }

    public static <T> BigDecimal sum(Collection<T> items, Function<T, BigDecimal> amount) {
        BigDecimal total = ZERO;
        for (T item : items) {
            total = total.add(orZero(amount.apply(item)));
        }
        return total;
    }

    /**
     * numerator / denominator, exact when the quotient terminates, otherwise truncated to 20 decimals
     * so that the caller's final rounding sees the true value (x.5 stays x.5, 100 stays 100).
     */
    public static BigDecimal ratio(BigDecimal numerator, BigDecimal denominator) {
        try {
            return numerator.divide(denominator);
        } catch (ArithmeticException nonTerminating) {
            return numerator.divide(denominator, WORK_SCALE, RoundingMode.DOWN);
        }
    }

    public static boolean isPositive(BigDecimal value) {
        return value != null && value.signum() > 0;
    }

    public static boolean isNegative(BigDecimal value) {
        return value != null && value.signum() < 0;
    }

    public static BigDecimal min(BigDecimal a, BigDecimal b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
