package dev.kassa.bench;

import org.HdrHistogram.Histogram;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Latencies (microseconds, HdrHistogram, 3 significant digits) and error counts per operation. Not thread
 * safe: each virtual terminal fills its own table and the tables are added up at the end, so recording
 * costs no locking.
 */
final class LatencyTable {

    /** Latencies above this (one minute) are recorded as this. */
    static final long HIGHEST_MICROS = 60_000_000L;

    private final Map<String, Histogram> latencies = new LinkedHashMap<>();
    private final Map<String, Long> errors = new LinkedHashMap<>();

    LatencyTable(List<String> operations) {
        operations.forEach(this::slot);
    }

    void record(String op, long micros) {
        slot(op).recordValue(Math.max(0, Math.min(micros, HIGHEST_MICROS)));
    }

    void error(String op) {
        slot(op);
        errors.merge(op, 1L, Long::sum);
    }

    void add(LatencyTable other) {
        other.latencies.forEach((op, h) -> slot(op).add(h));
        other.errors.forEach((op, n) -> errors.merge(op, n, Long::sum));
    }

    List<String> operations() {
        return List.copyOf(latencies.keySet());
    }

    /** Successful requests of {@code op}. */
    long count(String op) {
        Histogram h = latencies.get(op);
        return h == null ? 0 : h.getTotalCount();
    }

    long errors(String op) {
        return errors.getOrDefault(op, 0L);
    }

    long totalCount() {
        return latencies.values().stream().mapToLong(Histogram::getTotalCount).sum();
    }

    long totalErrors() {
        return errors.values().stream().mapToLong(Long::longValue).sum();
    }

    /** The latency of {@code op} at a percentile (0-100), in milliseconds; NaN without data. */
    double percentileMillis(String op, double percentile) {
        Histogram h = latencies.get(op);
        if (h == null || h.getTotalCount() == 0) {
            return Double.NaN;
        }
        return h.getValueAtPercentile(percentile) / 1000.0;
    }

    double maxMillis(String op) {
        Histogram h = latencies.get(op);
        return h == null || h.getTotalCount() == 0 ? Double.NaN : h.getMaxValue() / 1000.0;
    }

    static Histogram newHistogram() {
        return new Histogram(HIGHEST_MICROS, 3);
    }

    private Histogram slot(String op) {
        return latencies.computeIfAbsent(op, k -> newHistogram());
    }
}
