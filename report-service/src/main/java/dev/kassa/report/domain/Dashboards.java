package dev.kassa.report.domain;

import dev.kassa.common.event.TranLog;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static dev.kassa.report.domain.Money.plain;

/**
 * The back office's dashboards over a range of business dates, from the transactions that are not
 * cancelled, each signed as in the reports (a void or a return takes its sale back).
 */
public final class Dashboards {

    private Dashboards() {
    }

    public enum Rank {
        QUANTITY, AMOUNT
    }

    /** An item's net figures: quantity and amount after every discount (line amount − its subtotal share). */
    public record TopItem(int rank, String itemCode, String itemName, String categoryCode, int quantity,
                          BigDecimal amount) {
    }

    public record TopItems(String storeCode, Integer terminalNo, String businessDateFrom, String businessDateTo,
                           String rankedBy, List<TopItem> items) {
    }

    /** Sales (with tax) begun in one hour of the day, in the store's local time as the tranlog states it. */
    public record HourSales(int hour, BigDecimal amount, int quantity, int count) {
    }

    public record SalesByHour(String storeCode, Integer terminalNo, String businessDateFrom, String businessDateTo,
                              List<HourSales> hours, BigDecimal totalAmount, int totalCount) {
    }

    public record PaymentShare(String paymentCode, String paymentName, BigDecimal amount, int count,
                               BigDecimal ratio) {
    }

    public record PaymentDay(String businessDate, BigDecimal totalAmount, List<PaymentShare> payments) {
    }

    public record PaymentMix(String storeCode, Integer terminalNo, String businessDateFrom, String businessDateTo,
                             List<PaymentDay> days) {
    }

    private static final class ItemSum {
        String name;
        String category;
        int quantity;
        BigDecimal amount = BigDecimal.ZERO;
    }

    public static TopItems topItems(String storeCode, Integer terminalNo, ReportPeriod period, List<TranLog> trans,
                                    Rank rank, int limit) {
        Map<String, ItemSum> items = new HashMap<>();
        for (TranLog t : reportable(trans)) {
            int f = TransactionTypes.factor(t.transactionType());
            for (TranLog.LineItem line : SalesReportMaker.nonCancelled(t.lineItems())) {
                ItemSum s = items.computeIfAbsent(line.itemCode() == null ? "" : line.itemCode(), c -> new ItemSum());
                s.name = s.name == null ? line.itemName() : s.name;
                s.category = s.category == null ? line.categoryCode() : s.category;
                s.quantity += f * line.quantity();
                s.amount = s.amount.add(Money.times(f, Money.nz(line.amount()).subtract(LineSum.allocated(line))));
            }
        }
        Comparator<Map.Entry<String, ItemSum>> order = rank == Rank.QUANTITY
                ? Comparator.comparingInt((Map.Entry<String, ItemSum> e) -> e.getValue().quantity).reversed()
                .thenComparing((Map.Entry<String, ItemSum> e) -> e.getValue().amount, Comparator.reverseOrder())
                : Comparator.comparing((Map.Entry<String, ItemSum> e) -> e.getValue().amount, Comparator.reverseOrder())
                .thenComparing(Comparator.comparingInt((Map.Entry<String, ItemSum> e) -> e.getValue().quantity)
                        .reversed());
        List<Map.Entry<String, ItemSum>> sorted = items.entrySet().stream()
                .sorted(order.thenComparing(Map.Entry::getKey)).limit(limit).toList();
        List<TopItem> top = new ArrayList<>();
        for (Map.Entry<String, ItemSum> e : sorted) {
            ItemSum s = e.getValue();
            top.add(new TopItem(top.size() + 1, e.getKey(), s.name == null ? e.getKey() : s.name, s.category,
                    s.quantity, plain(s.amount)));
        }
        return new TopItems(storeCode, terminalNo, period.first(), period.last(),
                rank.name().toLowerCase(java.util.Locale.ROOT), List.copyOf(top));
    }

    public static SalesByHour salesByHour(String storeCode, Integer terminalNo, ReportPeriod period,
                                          List<TranLog> trans) {
        BigDecimal[] amount = new BigDecimal[24];
        int[] quantity = new int[24];
        int[] count = new int[24];
        java.util.Arrays.fill(amount, BigDecimal.ZERO);
        for (TranLog t : reportable(trans)) {
            int hour = hour(t.generateDateTime());
            if (hour < 0) {
                continue;
            }
            int f = TransactionTypes.factor(t.transactionType());
            amount[hour] = amount[hour].add(Money.times(f, t.sales() == null ? null : t.sales().totalAmountWithTax()));
            quantity[hour] += f * (t.sales() == null ? 0 : t.sales().totalQuantity());
            count[hour] += f;
        }
        List<HourSales> hours = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        int totalCount = 0;
        for (int h = 0; h < 24; h++) {
            hours.add(new HourSales(h, plain(amount[h]), quantity[h], count[h]));
            total = total.add(amount[h]);
            totalCount += count[h];
        }
        return new SalesByHour(storeCode, terminalNo, period.first(), period.last(), List.copyOf(hours), plain(total),
                totalCount);
    }

    public static PaymentMix paymentMix(String storeCode, Integer terminalNo, ReportPeriod period,
                                        List<TranLog> trans) {
        Map<String, List<TranLog>> byDay = new TreeMap<>();
        for (TranLog t : reportable(trans)) {
            byDay.computeIfAbsent(t.businessDate(), d -> new ArrayList<>()).add(t);
        }
        List<PaymentDay> days = new ArrayList<>();
        byDay.forEach((day, list) -> {
            List<PaymentReportMaker.Sum> sums = PaymentReportMaker.sums(list);
            BigDecimal total = Money.sum(sums, PaymentReportMaker.Sum::amount);
            days.add(new PaymentDay(day, plain(total), sums.stream().map(s -> new PaymentShare(s.code(), s.name(),
                    s.amount(), s.count(), Money.percent(s.amount(), total))).toList()));
        });
        return new PaymentMix(storeCode, terminalNo, period.first(), period.last(), List.copyOf(days));
    }

    private static List<TranLog> reportable(List<TranLog> trans) {
        return new DayLogs(trans, List.of(), List.of()).reportable();
    }

    /** The hour as written (the store's local time); -1 when the time cannot be read. */
    static int hour(String generateDateTime) {
        if (generateDateTime == null) {
            return -1;
        }
        try {
            return OffsetDateTime.parse(generateDateTime).getHour();
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(generateDateTime).getHour();
            } catch (DateTimeParseException e2) {
                return -1;
            }
        }
    }
}
