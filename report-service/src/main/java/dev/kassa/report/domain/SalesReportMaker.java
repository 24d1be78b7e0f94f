package dev.kassa.report.domain;

import dev.kassa.common.event.CashLog;
import dev.kassa.common.event.OpenCloseLog;
import dev.kassa.common.event.TranLog;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static dev.kassa.report.domain.Money.nz;
import static dev.kassa.report.domain.Money.plain;
import static dev.kassa.report.domain.Money.sum;
import static dev.kassa.report.domain.Money.times;

/**
 * The sales report, with kugel-features.md §6's formulas (Kugel's sales_report_maker), over the
 * transactions that are not cancelled:
 * <ul>
 * <li>salesGross = 101 (total_amount_with_tax + total_discount_amount) − the same of 201; quantity and
 * count likewise;</li>
 * <li>returns = 102 total_amount_with_tax − the same of 202;</li>
 * <li>discountForLineitems / discountForSubtotal: Σ line discounts (of lines not cancelled) and Σ subtotal
 * discounts, each signed by its transaction (+101, +202, −102, −201);</li>
 * <li>salesNet = gross − returns − line discounts − subtotal discounts − net tax, where net tax =
 * (tax101 − tax201) − (tax102 − tax202) over the taxes list, so internal tax is included;</li>
 * <li>taxes and payments per code, signed; cash: logical = Σ signed cash (01) payments + cash in +
 * cash out (negative), physical = Σ close logs' physical amount, difference = physical − logical.</li>
 * </ul>
 * Kugel's one bug here is fixed: a date range gives the range's numbers (cash included).
 */
public final class SalesReportMaker {
    /** The payment code whose amounts are in the drawer (Kugel's PaymentByCash plugin). */
    public static final String CASH_PAYMENT_CODE = "01";

    private SalesReportMaker() {
    }

    public static SalesReport make(ReportHeader header, DayLogs logs) {
        Totals sale = new Totals();
        Totals voidSale = new Totals();
        Totals ret = new Totals();
        Totals voidReturn = new Totals();
        BigDecimal lineDiscAmount = BigDecimal.ZERO;
        int lineDiscCount = 0;
        int lineDiscQuantity = 0;
        BigDecimal subDiscAmount = BigDecimal.ZERO;
        int subDiscCount = 0;
        int subDiscQuantity = 0;
        Map<String, TaxSum> taxes = new TreeMap<>();
        Map<String, PaymentSum> payments = new TreeMap<>();

        for (TranLog t : logs.reportable()) {
            int f = TransactionTypes.factor(t.transactionType());
            Totals bucket = switch (t.transactionType()) {
                case TranLog.SALE -> sale;
                case TranLog.VOID_SALE -> voidSale;
                case TranLog.RETURN -> ret;
                default -> voidReturn;
            };
            bucket.add(t);

            for (TranLog.LineItem line : nonCancelled(t.lineItems())) {
                List<TranLog.Discount> discounts = line.discounts() == null ? List.of() : line.discounts();
                lineDiscAmount = lineDiscAmount.add(times(f, sum(discounts, TranLog.Discount::discountAmount)));
                lineDiscCount += f * discounts.size();
                lineDiscQuantity += discounts.isEmpty() ? 0 : f * line.quantity();
                boolean allocated = line.discountsAllocated() != null && !line.discountsAllocated().isEmpty();
                subDiscQuantity += allocated ? f * line.quantity() : 0;
            }
            List<TranLog.Discount> subtotal = t.subtotalDiscounts() == null ? List.of() : t.subtotalDiscounts();
            subDiscAmount = subDiscAmount.add(times(f, sum(subtotal, TranLog.Discount::discountAmount)));
            subDiscCount += f * subtotal.size();

            for (TranLog.Tax tax : t.taxes() == null ? List.<TranLog.Tax>of() : t.taxes()) {
                if (tax.taxCode() != null) {
                    taxes.computeIfAbsent(tax.taxCode(), code -> new TaxSum(tax.taxName())).add(f, tax);
                }
            }
            for (TranLog.Payment p : t.payments() == null ? List.<TranLog.Payment>of() : t.payments()) {
                if (p.paymentCode() != null) {
                    payments.computeIfAbsent(p.paymentCode(), code -> new PaymentSum(p.description())).add(f, p);
                }
            }
        }

        SalesReport.Figure gross = new SalesReport.Figure(
                sale.withTax.add(sale.discount).subtract(voidSale.withTax.add(voidSale.discount)),
                sale.quantity - voidSale.quantity, sale.count - voidSale.count);
        SalesReport.Figure returns = new SalesReport.Figure(ret.withTax.subtract(voidReturn.withTax),
                ret.quantity - voidReturn.quantity, ret.count - voidReturn.count);
        SalesReport.Figure lineDisc = new SalesReport.Figure(lineDiscAmount, lineDiscQuantity, lineDiscCount);
        SalesReport.Figure subDisc = new SalesReport.Figure(subDiscAmount, subDiscQuantity, subDiscCount);
        BigDecimal netTax = sale.tax.subtract(voidSale.tax).subtract(ret.tax.subtract(voidReturn.tax));
        SalesReport.Figure net = new SalesReport.Figure(
                gross.amount().subtract(returns.amount()).subtract(lineDisc.amount()).subtract(subDisc.amount())
                        .subtract(netTax),
                gross.quantity() - returns.quantity(), gross.count() - returns.count());

        List<SalesReport.Tax> taxList = new ArrayList<>();
        taxes.forEach((code, s) -> taxList.add(new SalesReport.Tax(code, s.name, plain(s.tax), plain(s.target),
                s.quantity)));
        List<SalesReport.Payment> paymentList = new ArrayList<>();
        payments.forEach((code, s) -> paymentList.add(new SalesReport.Payment(code, PaymentNames.name(code, s.name),
                plain(s.amount), s.count)));

        PaymentSum cashPayments = payments.get(CASH_PAYMENT_CODE);
        SalesReport report = new SalesReport(header, plainFigure(gross), plainFigure(net), plainFigure(lineDisc),
                plainFigure(subDisc), plainFigure(returns),
                List.copyOf(taxList), List.copyOf(paymentList),
                cash(cashPayments == null ? BigDecimal.ZERO : cashPayments.amount, logs.cashLogs(),
                        logs.openCloseLogs()),
                null, null);
        String text = ReceiptWriter.sales(report);
        return report.withTexts(text, text);
    }

    /**
     * A store's report counts the credit repayments its back office took (cash logs of terminal 0) as cash
     * in, like a till's; a terminal's report has only its own. They are in no drawer, so they also show in
     * the difference between the drawers' physical and the logical amount.
     */
    static SalesReport.Cash cash(BigDecimal cashPayments, List<CashLog> cashLogs, List<OpenCloseLog> openClose) {
        BigDecimal in = BigDecimal.ZERO;
        BigDecimal out = BigDecimal.ZERO;
        int inCount = 0;
        int outCount = 0;
        for (CashLog c : cashLogs) {
            BigDecimal amount = nz(c.amount());
            if (amount.signum() > 0) {
                in = in.add(amount);
                inCount++;
            } else if (amount.signum() < 0) {
                out = out.add(amount);
                outCount++;
            }
        }
        BigDecimal physical = BigDecimal.ZERO;
        for (OpenCloseLog log : openClose) {
            if (OpenCloseLog.CLOSE.equals(log.operation()) && log.terminalInfo() != null) {
                physical = physical.add(nz(log.terminalInfo().physicalAmount()));
            }
        }
        BigDecimal logical = cashPayments.add(in).add(out);
        return new SalesReport.Cash(plain(logical), plain(physical), plain(physical.subtract(logical)),
                new SalesReport.Movement(plain(in), inCount), new SalesReport.Movement(plain(out), outCount));
    }

    static List<TranLog.LineItem> nonCancelled(List<TranLog.LineItem> lines) {
        return lines == null ? List.of() : lines.stream().filter(l -> !l.isCancelled()).toList();
    }

    private static SalesReport.Figure plainFigure(SalesReport.Figure f) {
        return new SalesReport.Figure(Money.plain(f.amount()), f.quantity(), f.count());
    }

    /** One transaction type's sums: with-tax amount, discounts, quantity, count and Σ taxes. */
    private static final class Totals {
        BigDecimal withTax = BigDecimal.ZERO;
        BigDecimal discount = BigDecimal.ZERO;
        BigDecimal tax = BigDecimal.ZERO;
        int quantity;
        int count;

        void add(TranLog t) {
            if (t.sales() != null) {
                withTax = withTax.add(nz(t.sales().totalAmountWithTax()));
                discount = discount.add(nz(t.sales().totalDiscountAmount()));
                quantity += t.sales().totalQuantity();
            }
            tax = tax.add(sum(t.taxes(), TranLog.Tax::taxAmount));
            count++;
        }
    }

    private static final class TaxSum {
        final String name;
        BigDecimal tax = BigDecimal.ZERO;
        BigDecimal target = BigDecimal.ZERO;
        int quantity;

        TaxSum(String name) {
            this.name = name;
        }

        void add(int f, TranLog.Tax t) {
            tax = tax.add(times(f, t.taxAmount()));
            target = target.add(times(f, t.targetAmount()));
            quantity += f * t.targetQuantity();
        }
    }

    private static final class PaymentSum {
        final String name;
        BigDecimal amount = BigDecimal.ZERO;
        int count;

        PaymentSum(String name) {
            this.name = name;
        }

        void add(int f, TranLog.Payment p) {
            amount = amount.add(times(f, p.amount()));
            count += f;
        }
    }
}
