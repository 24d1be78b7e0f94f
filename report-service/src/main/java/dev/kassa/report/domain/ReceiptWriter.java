package dev.kassa.report.domain;

/** The printable text of each report; the journal keeps the same text. */
public final class ReceiptWriter {

    private ReceiptWriter() {
    }

    public static String sales(SalesReport r) {
        Slip s = Slip.titled("Sales Report", r.header());
        s.figure("Gross sales", r.salesGross().amount(), r.salesGross().count(), r.salesGross().quantity());
        s.figure("Returns", r.returns().amount(), r.returns().count(), r.returns().quantity());
        s.figure("Line discounts", r.discountForLineitems().amount(), r.discountForLineitems().count(),
                r.discountForLineitems().quantity());
        s.figure("Subtotal discounts", r.discountForSubtotal().amount(), r.discountForSubtotal().count(),
                r.discountForSubtotal().quantity());
        s.figure("Net sales", r.salesNet().amount(), r.salesNet().count(), r.salesNet().quantity());
        s.rule('-');
        for (SalesReport.Tax t : r.taxes()) {
            s.row(t.taxName() == null ? t.taxCode() : t.taxName(), t.taxAmount());
            s.row("   on " + t.targetQuantity() + " pcs", t.targetAmount());
        }
        s.rule('-');
        for (SalesReport.Payment p : r.payments()) {
            s.row(p.paymentName() + " x" + p.count(), p.amount());
        }
        s.rule('-');
        s.row("Cash in x" + r.cash().cashIn().count(), r.cash().cashIn().amount());
        s.row("Cash out x" + r.cash().cashOut().count(), r.cash().cashOut().amount());
        s.row("Cash expected", r.cash().logicalAmount());
        s.row("Cash counted", r.cash().physicalAmount());
        s.row("Difference", r.cash().differenceAmount());
        return s.rule('=').text();
    }

    public static String category(CategoryReport r) {
        Slip s = Slip.titled("Category Report", r.header());
        for (CategoryReport.Line c : r.categories()) {
            s.row(c.categoryName() + " x" + c.quantity(), c.grossAmount());
            if (c.discountAmount().signum() != 0) {
                s.row("  discount x" + c.discountQuantity(), c.discountAmount().negate());
            }
        }
        s.rule('-');
        s.row("Gross x" + r.totalQuantity(), r.totalGrossAmount());
        s.row("Discount", r.totalDiscountAmount().negate());
        s.row("Net", r.totalNetAmount());
        return s.rule('=').text();
    }

    public static String item(ItemReport r) {
        Slip s = Slip.titled("Item Report", r.header());
        for (ItemReport.Category c : r.categories()) {
            s.line("[" + c.categoryName() + "]");
            for (ItemReport.Item i : c.items()) {
                s.row(" " + i.itemName() + " x" + i.quantity(), i.netAmount());
            }
            s.row(" subtotal x" + c.categoryTotalQuantity(), c.categoryTotalNetAmount());
        }
        s.rule('-');
        s.row("Gross x" + r.totalQuantity(), r.totalGrossAmount());
        s.row("Discount", r.totalDiscountAmount().negate());
        s.row("Net", r.totalNetAmount());
        return s.rule('=').text();
    }

    public static String payment(PaymentReport r, ReportHeader h) {
        Slip s = Slip.titled("Payment Report", h);
        for (PaymentReport.Line p : r.paymentSummary()) {
            s.row(p.paymentName() + " x" + p.count(), p.amount());
            s.row("   share %", p.ratio().toPlainString());
        }
        s.rule('-');
        s.row("Total x" + r.total().count(), r.total().amount());
        return s.rule('=').text();
    }

    public static String promotion(PromotionReport r) {
        Slip s = Slip.titled("Promotion Report", r.header());
        for (PromotionReport.Line p : r.promotions()) {
            s.row(p.promotionCode() + " x" + p.quantity(), p.discountAmount().negate());
        }
        s.rule('-');
        s.row("Discount x" + r.totalQuantity(), r.totalDiscountAmount().negate());
        return s.rule('=').text();
    }
}
