package dev.kassa.cart.domain;

/**
 * The receipt number rule of one terminal: numbers run from {@code start} to {@code end}
 * (settings RECEIPT_NO_START_VALUE / RECEIPT_NO_END_VALUE, default 111111 / 999999) and then wrap to
 * {@code start}. The first number ever is {@code start}. A stored value outside the range (the settings
 * changed) also restarts at {@code start}.
 *
 * <p>The allocation itself must be atomic in the database; the same rule as one statement:
 * <pre>
 * UPDATE terminal_counter SET receipt_no =
 *   CASE WHEN receipt_no IS NULL OR receipt_no &gt;= :end OR receipt_no &lt; :start THEN :start ELSE receipt_no + 1 END
 * WHERE … RETURNING receipt_no
 * </pre>
 * Unlike Kugel (whose void and return allocate without a range, so never wrap), every allocation uses it.
 */
public record ReceiptCounter(long start, long end) {
    public static final long DEFAULT_START = 111111L;
    public static final long DEFAULT_END = 999999L;

    public ReceiptCounter {
        if (start < 1 || end < start) {
            throw new IllegalArgumentException("Invalid receipt number range: " + start + ".." + end);
        }
    }

    public static ReceiptCounter defaults() {
        return new ReceiptCounter(DEFAULT_START, DEFAULT_END);
    }

    /** Settings values may be absent or unparsable; then the defaults apply. */
    public static ReceiptCounter fromSettings(String startValue, String endValue) {
        long start = parse(startValue, DEFAULT_START);
        long end = parse(endValue, DEFAULT_END);
        return end >= start && start >= 1 ? new ReceiptCounter(start, end) : defaults();
    }

    /** The number after {@code last} (null: nothing allocated yet). */
    public long next(Long last) {
        if (last == null || last >= end || last < start) {
            return start;
        }
        return last + 1;
    }

    private static long parse(String value, long fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
