package dev.kassa.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The result table and the targets of issue 5, as text. Pure: everything comes in as arguments. */
final class Report {

    static final List<String> SALE_OPS = List.of("create", "add-item", "subtotal", "pay", "bill");
    static final String FLOOR_OP = "floor";

    static final double TARGET_SALES_PER_SECOND = 100;
    static final double TARGET_P99_MILLIS = 50;
    static final double TARGET_FLOOR_SHARE = 0.40;
    static final double TARGET_KAFKA_P99_MILLIS = 100;

    /** One line of the target check. */
    record Target(String name, boolean met, String value) {
    }

    /** Everything a report shows. {@code kafka} is null when Kafka could not be watched ({@code kafkaProblem}). */
    record Inputs(BenchOptions options, String tenantId, LoadPhase.Result sales, LoadPhase.Result floor,
                  BillMatcher.Result kafka, String kafkaProblem) {
    }

    private Report() {
    }

    static String render(Inputs in) {
        StringBuilder b = new StringBuilder();
        BenchOptions o = in.options();
        LatencyTable t = in.sales().table();
        b.append(f("%nKassa bench: tenant %s, %d terminals, %d items per sale, %s s measured per phase after %s s"
                        + " warm-up, services on %s%n%n", in.tenantId(), o.terminals(), o.items(),
                num(in.sales().measuredSeconds()), num(o.warmup().toMillis() / 1000.0), o.baseHost()));
        b.append(f("%-12s %9s %9s %7s %8s %8s %8s %8s%n", "operation", "count", "req/s", "errors", "p50 ms", "p95 ms",
                "p99 ms", "max ms"));
        for (String op : SALE_OPS) {
            row(b, op, t, in.sales());
        }
        b.append(f("%-12s %9d %9s %7d%n", "all", t.totalCount(), num(in.sales().perSecond(t.totalCount())),
                t.totalErrors()));
        row(b, "floor GET /", FLOOR_OP, in.floor().table(), in.floor());
        b.append('\n');
        b.append(f("completed sales/s   %s  (%d sales)%n", num(in.sales().perSecond(in.sales().completed())),
                in.sales().completed()));
        b.append(f("requests/s          %s%n", num(in.sales().perSecond(t.totalCount()))));
        b.append(f("errors              %d  (warm-up: %d; floor phase: %d)%n", t.totalErrors(),
                in.sales().warmupErrors(), in.floor().table().totalErrors()));
        b.append(f("HTTP floor          %s req/s  (GET :%d/ with the same client and %d connections)%n",
                num(floorRate(in)), BenchOptions.CART_PORT, o.terminals()));
        b.append(f("add-item / floor    %s%n", pct(addItemShare(in))));
        BillMatcher.Result k = in.kafka();
        if (k == null) {
            b.append(f("bill-to-Kafka       not measured: %s%n", in.kafkaProblem()));
        } else {
            b.append(f("bill-to-Kafka       p50 %s  p95 %s  p99 %s  max %s ms  (%d of %d measured bills seen on %s)%n",
                    num(k.percentileMillis(50)), num(k.percentileMillis(95)), num(k.percentileMillis(99)),
                    num(k.maxMillis()), k.matched(), k.bills(), TranlogWatcher.TOPIC));
        }
        b.append("\nTargets (issue 5)\n");
        for (Target target : targets(in)) {
            b.append(f("  %-9s %-34s %s%n", target.met() ? "met" : "NOT MET", target.name(), target.value()));
        }
        return b.toString();
    }

    static List<Target> targets(Inputs in) {
        List<Target> list = new ArrayList<>();
        double sales = in.sales().perSecond(in.sales().completed());
        list.add(new Target("completed sales/s >= 100", sales >= TARGET_SALES_PER_SECOND, num(sales)));
        long errors = in.sales().table().totalErrors();
        list.add(new Target("0 errors", errors == 0, Long.toString(errors)));
        String worst = null;
        double worstP99 = Double.NaN;
        for (String op : SALE_OPS) {
            double p99 = in.sales().table().percentileMillis(op, 99);
            if (Double.isNaN(p99)) {
                worst = op;
                worstP99 = Double.NaN;
                break;
            }
            if (worst == null || p99 > worstP99) {
                worst = op;
                worstP99 = p99;
            }
        }
        list.add(new Target("p99 < 50 ms for every request", !Double.isNaN(worstP99) && worstP99 < TARGET_P99_MILLIS,
                Double.isNaN(worstP99) ? "no data for " + worst : "worst: " + worst + " " + num(worstP99) + " ms"));
        double share = addItemShare(in);
        list.add(new Target("add-item >= 40 % of the HTTP floor", !Double.isNaN(share) && share >= TARGET_FLOOR_SHARE,
                pct(share)));
        BillMatcher.Result k = in.kafka();
        double kp99 = k == null ? Double.NaN : k.percentileMillis(99);
        boolean kafkaMet = !Double.isNaN(kp99) && kp99 < TARGET_KAFKA_P99_MILLIS && k.missing() == 0;
        String kafkaValue = k == null ? "not measured"
                : Double.isNaN(kp99) ? "no tranlog seen"
                : num(kp99) + " ms" + (k.missing() == 0 ? "" : ", " + k.missing() + " bills without a tranlog");
        list.add(new Target("bill-to-Kafka p99 < 100 ms", kafkaMet, kafkaValue));
        return list;
    }

    /** add-item requests/s over floor requests/s; NaN when the floor has no data. */
    static double addItemShare(Inputs in) {
        double floor = floorRate(in);
        if (floor <= 0) {
            return Double.NaN;
        }
        return in.sales().perSecond(in.sales().table().count("add-item")) / floor;
    }

    private static double floorRate(Inputs in) {
        return in.floor().perSecond(in.floor().table().count(FLOOR_OP));
    }

    private static void row(StringBuilder b, String op, LatencyTable t, LoadPhase.Result r) {
        row(b, op, op, t, r);
    }

    private static void row(StringBuilder b, String label, String op, LatencyTable t, LoadPhase.Result r) {
        b.append(f("%-12s %9d %9s %7d %8s %8s %8s %8s%n", label, t.count(op), num(r.perSecond(t.count(op))),
                t.errors(op), num(t.percentileMillis(op, 50)), num(t.percentileMillis(op, 95)),
                num(t.percentileMillis(op, 99)), num(t.maxMillis(op))));
    }

    static String num(double v) {
        return Double.isNaN(v) ? "-" : String.format(Locale.ROOT, "%.1f", v);
    }

    static String pct(double share) {
        return Double.isNaN(share) ? "-" : String.format(Locale.ROOT, "%.1f %%", share * 100);
    }

    private static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
