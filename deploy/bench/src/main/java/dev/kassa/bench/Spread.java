package dev.kassa.bench;

import java.util.Arrays;
import java.util.List;

/** Median and range of a few per-window figures (NaN values, windows without data, are left out). */
record Spread(double median, double min, double max, int n) {

    static Spread of(List<Double> values) {
        double[] v = values.stream().mapToDouble(Double::doubleValue).filter(d -> !Double.isNaN(d)).sorted().toArray();
        if (v.length == 0) {
            return new Spread(Double.NaN, Double.NaN, Double.NaN, 0);
        }
        int m = v.length / 2;
        double median = v.length % 2 == 1 ? v[m] : (v[m - 1] + v[m]) / 2;
        return new Spread(median, v[0], v[v.length - 1], v.length);
    }

    /** Half the range relative to the median: 0.05 means the windows lie within ±5 % of their median. */
    double relativeHalfRange() {
        return n == 0 || median == 0 ? Double.NaN : (max - min) / 2 / Math.abs(median);
    }

    @Override
    public String toString() {
        return n == 0 ? "-" : Report.num(median) + " (" + Report.num(min) + ".." + Report.num(max) + ")";
    }

    static Spread of(double... values) {
        return of(Arrays.stream(values).boxed().toList());
    }
}
