package dev.kassa.report.domain;

import dev.kassa.common.api.PageRequest;
import dev.kassa.common.event.TranLog;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static dev.kassa.report.domain.Money.plain;

/**
 * Per payment code (Kugel's payment_report_maker): amount = Σ signed amounts, count = the signed
 * number of transactions that used it (a split payment counts once), ratio = amount / Σ amounts
 * × 100 with two decimals (0 when the total is not positive); largest amount first.
 */
public final class PaymentReportMaker {

    private static final Map<String, Comparator<PaymentReport.Line>> FIELDS = Map.of(
            "payment_code", Listing.by(PaymentReport.Line::paymentCode),
            "payment_name", Listing.by(PaymentReport.Line::paymentName),
            "amount", Listing.by(PaymentReport.Line::amount),
            "count", Listing.by(PaymentReport.Line::count),
            "ratio", Listing.by(PaymentReport.Line::ratio));

    private static final Comparator<PaymentReport.Line> DEFAULT_ORDER =
            Listing.by(PaymentReport.Line::amount).reversed()
                    .thenComparing(Listing.by(PaymentReport.Line::paymentCode));

    private PaymentReportMaker() {
    }

    /** One payment code's signed sums. */
    record Sum(String code, String name, BigDecimal amount, int count) {
    }

    public static List<Sum> sums(List<TranLog> transactions) {
        Map<String, BigDecimal> amounts = new TreeMap<>();
        Map<String, Map<String, Integer>> used = new HashMap<>();
        Map<String, String> names = new HashMap<>();
        for (TranLog t : transactions) {
            int f = TransactionTypes.factor(t.transactionType());
            for (TranLog.Payment p : t.payments() == null ? List.<TranLog.Payment>of() : t.payments()) {
                if (p.paymentCode() == null) {
                    continue;
                }
                amounts.merge(p.paymentCode(), Money.times(f, p.amount()), BigDecimal::add);
                used.computeIfAbsent(p.paymentCode(), c -> new HashMap<>()).put(TransactionTypes.identity(t), f);
                if (p.description() != null && !p.description().isBlank()) {
                    names.putIfAbsent(p.paymentCode(), p.description());
                }
            }
        }
        List<Sum> sums = new ArrayList<>();
        amounts.forEach((code, amount) -> sums.add(new Sum(code, PaymentNames.name(code, names.get(code)),
                plain(amount), used.get(code).values().stream().mapToInt(Integer::intValue).sum())));
        return sums;
    }

    public static PaymentReport make(ReportHeader h, DayLogs logs) {
        List<Sum> sums = sums(logs.reportable());
        BigDecimal total = Money.sum(sums, Sum::amount);
        List<PaymentReport.Line> all = sums.stream().map(s -> new PaymentReport.Line(s.code(), s.name(), s.count(),
                s.amount(), Money.percent(s.amount(), total))).sorted(DEFAULT_ORDER).toList();
        PaymentReport report = new PaymentReport(h.tenantId(), h.storeCode(), h.terminalNo(), h.businessDate(),
                h.businessDateFrom(), h.businessDateTo(), h.openCounter(), h.businessCounter(), h.reportScope(),
                h.reportType(), all,
                new PaymentReport.Total(all.stream().mapToInt(PaymentReport.Line::count).sum(), plain(total)),
                h.generateDateTime(), null, null);
        String text = ReceiptWriter.payment(report, h);
        return page(report, null, text);
    }

    /** The requested page of the payment summary; the total stays that of all. */
    public static PaymentReport page(PaymentReport r, PageRequest page) {
        return page(r, page, r.receiptText());
    }

    private static PaymentReport page(PaymentReport r, PageRequest page, String text) {
        return new PaymentReport(r.tenantId(), r.storeCode(), r.terminalNo(), r.businessDate(), r.businessDateFrom(),
                r.businessDateTo(), r.openCounter(), r.businessCounter(), r.reportScope(), r.reportType(),
                Listing.page(r.paymentSummary(), page, FIELDS, DEFAULT_ORDER), r.total(), r.generateDateTime(),
                text, text);
    }
}
