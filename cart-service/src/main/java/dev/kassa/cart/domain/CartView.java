package dev.kassa.cart.domain;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.math.BigDecimal;
import java.util.List;

/**
 * The Cart JSON of the API (kugel-features.md §4 "Cart JSON", openapi cart.json {@code Cart}).
 * As in Kugel, {@code subtotalAmount} and {@code totalAmount} are both the amount after subtotal
 * discounts and without external tax.
 */
public record CartView(
        String cartId,
        String cartStatus,
        BigDecimal subtotalAmount,
        BigDecimal balanceAmount,
        String tenantId,
        String storeCode,
        String storeName,
        int terminalNo,
        BigDecimal totalAmount,
        BigDecimal totalAmountWithTax,
        int totalQuantity,
        BigDecimal totalDiscountAmount,
        BigDecimal depositAmount,
        BigDecimal changeAmount,
        BigDecimal stampDutyAmount,
        long receiptNo,
        long transactionNo,
        int transactionType,
        String businessDate,
        String generateDateTime,
        List<LineItemView> lineItems,
        List<PaymentView> payments,
        List<TaxView> taxes,
        List<DiscountView> subtotalDiscounts,
        String receiptText,
        String journalText,
        StaffView staff,
        StatusView status,
        @JsonInclude(JsonInclude.Include.NON_NULL) CustomerView customer) {

    /**
     * Kassa's addition: the customer the sale is for, left out when there is none (a Kugel client sees
     * Kugel's fields only). Name, tier and what they could spend are
     * master data's answer when the customer was attached; a customer named at create shows only the code.
     */
    public record CustomerView(String customerCode, String name, String loyaltyTier, BigDecimal pointsAvailable,
                               BigDecimal creditAvailable) {
    }

    public record LineItemView(
            int lineNo,
            String itemCode,
            String itemName,
            String categoryCode,
            BigDecimal unitPrice,
            BigDecimal unitPriceOriginal,
            boolean isUnitPriceChanged,
            int quantity,
            BigDecimal amount,
            List<DiscountView> discounts,
            List<String> imageUrls,
            boolean isCancelled,
            boolean isDiscountRestricted) {
    }

    public record DiscountView(
            String discountType,
            BigDecimal discountValue,
            BigDecimal discountAmount,
            String discountDetail,
            String promotionCode,
            String promotionType) {
    }

    public record PaymentView(int paymentNo, String paymentCode, String paymentName, BigDecimal paymentAmount,
                              String paymentDetail) {
    }

    public record TaxView(int taxNo, String taxCode, String taxType, String taxName, BigDecimal taxAmount,
                          BigDecimal targetAmount, int targetQuantity) {
    }

    public record StaffView(String id, String name) {
    }

    public record StatusView(boolean isCancelled, boolean isVoided, boolean isRefunded) {
    }

    public static CartView of(Cart cart) {
        return new CartView(
                cart.cartId(),
                cart.cartStatus().name(),
                cart.totalAmount(),
                cart.balanceAmount(),
                cart.tenantId(),
                cart.storeCode(),
                cart.storeName(),
                cart.terminalNo(),
                cart.totalAmount(),
                cart.totalAmountWithTax(),
                cart.totalQuantity(),
                cart.totalDiscountAmount(),
                cart.depositAmount(),
                cart.changeAmount(),
                cart.stampDuty().stampDutyAmount(),
                cart.receiptNo(),
                cart.transactionNo(),
                cart.transactionType(),
                cart.businessDate(),
                cart.generateDateTime(),
                cart.lineItems().stream().map(CartView::lineItem).toList(),
                cart.payments().stream()
                        .map(p -> new PaymentView(p.paymentNo(), p.paymentCode(), p.paymentName(), p.paymentAmount(), p.paymentDetail()))
                        .toList(),
                cart.taxes().stream()
                        .map(t -> new TaxView(t.taxNo(), t.taxCode(), t.taxType().name(), t.taxName(), t.taxAmount(),
                                t.targetAmount(), t.targetQuantity()))
                        .toList(),
                cart.subtotalDiscounts().stream().map(CartView::discount).toList(),
                cart.receiptText(),
                cart.journalText(),
                cart.staff() == null ? null : new StaffView(cart.staff().id(), cart.staff().name()),
                new StatusView(cart.isCancelled(), false, false),
                customer(cart));
    }

    static CustomerView customer(Cart cart) {
        if (cart.customerCode() == null) {
            return null;
        }
        Customer c = cart.customer();
        return c == null ? new CustomerView(cart.customerCode(), null, null, null, null)
                : new CustomerView(c.customerCode(), c.name(), c.loyaltyTier(), c.pointsAvailable(), c.creditAvailable());
    }

    static LineItemView lineItem(LineItem l) {
        return new LineItemView(l.lineNo(), l.itemCode(), l.itemName(), l.categoryCode(), l.unitPrice(),
                l.unitPriceOriginal(), l.isUnitPriceChanged(), l.quantity(), l.amount(),
                l.discounts().stream().map(CartView::discount).toList(), l.imageUrls(), l.isCancelled(),
                l.isDiscountRestricted());
    }

    static DiscountView discount(Discount d) {
        return new DiscountView(d.discountType().name(), d.discountValue(), d.discountAmount(), d.discountDetail(),
                d.promotionCode(), d.promotionType());
    }
}
