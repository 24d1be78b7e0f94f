package dev.kassa.cart.domain.transaction;

import dev.kassa.cart.domain.CartView;
import dev.kassa.common.event.TranLog;

import java.math.BigDecimal;
import java.util.List;

/**
 * {@code Tran} of the transactions API (openapi cart.json). As in Kugel, {@code totalAmount} is the
 * amount WITH tax and {@code subtotalAmount} the amount after subtotal discounts without external tax.
 */
public record TransactionView(
        String tenantId,
        String storeCode,
        String storeName,
        int terminalNo,
        BigDecimal totalAmount,
        BigDecimal totalAmountWithTax,
        int totalQuantity,
        BigDecimal totalDiscountAmount,
        BigDecimal subtotalAmount,
        BigDecimal depositAmount,
        BigDecimal changeAmount,
        BigDecimal stampDutyAmount,
        long receiptNo,
        long transactionNo,
        int transactionType,
        String businessDate,
        String generateDateTime,
        List<CartView.LineItemView> lineItems,
        List<CartView.PaymentView> payments,
        List<CartView.TaxView> taxes,
        List<CartView.DiscountView> subtotalDiscounts,
        String receiptText,
        String journalText,
        CartView.StaffView staff,
        CartView.StatusView status) {

    public static TransactionView of(TranLog t, TransactionStatus status) {
        TranLog.Sales s = t.sales();
        BigDecimal deposit = BigDecimal.ZERO;
        for (TranLog.Payment p : t.payments()) {
            deposit = deposit.add(p.depositAmount() == null ? BigDecimal.ZERO : p.depositAmount());
        }
        return new TransactionView(t.tenantId(), t.storeCode(), t.storeName(), t.terminalNo(), s.totalAmountWithTax(),
                s.totalAmountWithTax(), s.totalQuantity(), s.totalDiscountAmount(), s.totalAmount(), deposit,
                s.changeAmount(), s.stampDutyAmount(), t.receiptNo(), t.transactionNo(), t.transactionType(),
                t.businessDate(), t.generateDateTime(),
                t.lineItems().stream().map(TransactionView::lineItem).toList(),
                t.payments().stream().map(p -> new CartView.PaymentView(p.paymentNo(), p.paymentCode(), p.description(),
                        p.amount(), p.detail())).toList(),
                t.taxes().stream().map(x -> new CartView.TaxView(x.taxNo(), x.taxCode(), x.taxType(), x.taxName(),
                        x.taxAmount(), x.targetAmount(), x.targetQuantity())).toList(),
                t.subtotalDiscounts().stream().map(TransactionView::discount).toList(),
                t.receiptText(), t.journalText(),
                t.staff() == null ? null : new CartView.StaffView(t.staff().id(), t.staff().name()),
                new CartView.StatusView(s.isCancelled() || status.isCancelled(), status.isVoided(), status.isRefunded()));
    }

    private static CartView.LineItemView lineItem(TranLog.LineItem l) {
        return new CartView.LineItemView(l.lineNo(), l.itemCode(), l.itemName(), l.categoryCode(), l.unitPrice(),
                l.unitPriceOriginal(), l.isUnitPriceChanged(), l.quantity(), l.amount(),
                l.discounts().stream().map(TransactionView::discount).toList(), List.of(), l.isCancelled(),
                l.isDiscountRestricted());
    }

    private static CartView.DiscountView discount(TranLog.Discount d) {
        return new CartView.DiscountView(d.discountType(), d.discountValue(), d.discountAmount(), d.discountDetail(),
                d.promotionCode(), d.promotionType());
    }
}
