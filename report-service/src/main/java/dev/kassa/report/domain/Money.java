package dev.kassa.report.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.function.Function;

/** BigDecimal arithmetic of the reports: nulls count as zero, answers carry no needless zeros. */
public final class Money {

    private Money() {
    }

    public static BigDecimal nz(BigDecimal value) {
        return value == null ? BigDecimal.ZERO : value;
    }

    public static BigDecimal times(int factor, BigDecimal value) {
        return nz(value).multiply(BigDecimal.valueOf(factor));
    }

    public static <T> BigDecimal sum(Collection<T> items, Function<T, BigDecimal> amount) {
        BigDecimal total = BigDecimal.ZERO;
        if (items != null) {
            for (T item : items) {
                total = total.add(nz(amount.apply(item)));
            }
        }
        return total;
    }

    /** 1100.00 becomes 1100 and 12.50 becomes 12.5: the same number, written as a person would. */
    public static BigDecimal plain(BigDecimal value) {
        BigDecimal v = nz(value);
        if (v.signum() == 0) {
            return BigDecimal.ZERO;
        }
        v = v.stripTrailingZeros();
        return v.scale() < 0 ? v.setScale(0, RoundingMode.UNNECESSARY) : v;
    }

    /** {@code part / whole × 100}, two decimals, half up; 0 when there is no positive whole. */
    public static BigDecimal percent(BigDecimal part, BigDecimal whole) {
        if (whole == null || whole.signum() <= 0) {
            return BigDecimal.ZERO.setScale(2, RoundingMode.UNNECESSARY);
        }
        return nz(part).multiply(BigDecimal.valueOf(100)).divide(whole, 2, RoundingMode.HALF_UP);
    }
}
