package dev.kassa.bench;

import java.util.List;

/**
 * When the warm-up may end: the throughput of the last {@link #WINDOWS} short windows lies within
 * {@link #TOLERANCE} of their mean and the last window is no longer clearly above the first of them (so a
 * JIT that still speeds things up keeps the warm-up going). The caller also ends it at its maximum time.
 */
final class SteadyState {

    static final int WINDOWS = 3;
    static final double TOLERANCE = 0.05;

    private SteadyState() {
    }

    static boolean reached(List<Double> rates) {
        return reached(rates, WINDOWS, TOLERANCE);
    }

    static boolean reached(List<Double> rates, int windows, double tolerance) {
        if (rates.size() < windows) {
            return false;
        }
        List<Double> last = rates.subList(rates.size() - windows, rates.size());
        double mean = last.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        if (mean <= 0) {
            return false;
        }
        for (double r : last) {
            if (Math.abs(r - mean) > tolerance * mean) {
                return false;
            }
        }
        return last.getLast() - last.getFirst() <= tolerance * mean;
    }
}
