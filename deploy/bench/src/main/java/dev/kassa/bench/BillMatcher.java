package dev.kassa.bench;

import org.HdrHistogram.Histogram;

import java.util.HashMap;
import java.util.Map;

/**
 * Pairs bill responses with their tranlog records, in either order, by (terminal id, transaction number), and
 * records the bill-to-Kafka latency of the measured bills (microseconds; a tranlog read before its bill
 * response arrived counts as 0). Thread safe: the load threads call {@link #billed}, the Kafka poller
 * {@link #consumed}.
 */
final class BillMatcher {

    /**
     * What was measured: latencies, measured bills, how many of those had their tranlog read, and how many of
     * those tranlogs were read before the bill's response arrived (the service publishes before it answers).
     */
    record Result(Histogram latencies, long bills, long matched, long early) {

        Result(Histogram latencies, long bills, long matched) {
            this(latencies, bills, matched, 0);
        }

        long missing() {
            return bills - matched;
        }

        double percentileMillis(double p) {
            return latencies.getTotalCount() == 0 ? Double.NaN : latencies.getValueAtPercentile(p) / 1000.0;
        }

        double maxMillis() {
            return latencies.getTotalCount() == 0 ? Double.NaN : latencies.getMaxValue() / 1000.0;
        }
    }

    /** The two sides of one transaction. */
    private static final class Sighting {
        boolean billSeen;
        long billed;
        boolean measured;
        boolean tranlogSeen;
        long consumed;
        boolean done;
    }

    private final Map<String, Sighting> open = new HashMap<>();
    private final Histogram latencies = LatencyTable.newHistogram();
    private long bills;
    private long matched;
    private long early;

    static String key(String terminalId, String transactionNo) {
        return terminalId + "#" + transactionNo;
    }

    /** The bill response of {@code key} arrived at {@code nanos}; only {@code measured} bills are counted. */
    synchronized void billed(String key, long nanos, boolean measured) {
        Sighting s = open.computeIfAbsent(key, k -> new Sighting());
        s.billSeen = true;
        s.billed = nanos;
        s.measured = measured;
        if (measured) {
            bills++;
        }
        settle(s);
    }

    /** The tranlog of {@code key} was read at {@code nanos}; a repeat (redelivery) is ignored. */
    synchronized void consumed(String key, long nanos) {
        Sighting s = open.computeIfAbsent(key, k -> new Sighting());
        if (!s.tranlogSeen) {
            s.tranlogSeen = true;
            s.consumed = nanos;
            settle(s);
        }
    }

    synchronized long pending() {
        return bills - matched;
    }

    synchronized Result result() {
        return new Result(latencies.copy(), bills, matched, early);
    }

    private void settle(Sighting s) {
        if (s.done || !s.billSeen || !s.tranlogSeen) {
            return;
        }
        s.done = true; // kept, so that a redelivered record is not taken for a new one
        if (s.measured) {
            latencies.recordValue(Math.max(0, Math.min((s.consumed - s.billed) / 1_000, LatencyTable.HIGHEST_MICROS)));
            matched++;
            if (s.consumed < s.billed) {
                early++;
            }
        }
    }
}
