package dev.kassa.cart.domain;

import dev.kassa.common.event.TranLog;

import java.util.List;

/**
 * A billed or cancelled cart as the tranlog published on {@code pos.tranlog} (kugel-features.md §4
 * "Tranlog"): {@code sales.total_amount} is after subtotal discounts and without external tax,
 * {@code sales.tax_amount} the external taxes, {@code total_amount_with_tax} their sum.
 */
public final class TranLogMapper {

    private TranLogMapper() {
    }

    /** @param eventId the outbox event id (null while only rendering the receipt) */
    public static TranLog fromCart(Cart cart, String eventId) {
        StampDuty duty = cart.stampDuty();
        TranLog.Sales sales = new TranLog.Sales(cart.totalAmount(), cart.totalAmountWithTax(), cart.taxAmount(),
                cart.totalQuantity(), cart.changeAmount(), cart.totalDiscountAmount(), cart.isCancelled(),
                duty.isStampDutyApplied(), duty.stampDutyTargetAmount(), duty.stampDutyAmount());
        return new TranLog(
                eventId,
                TranLog.EVENT_TYPE,
                cart.tenantId(),
                cart.storeCode(),
                cart.storeName(),
                cart.terminalNo(),
                cart.transactionNo(),
                cart.transactionType(),
                cart.businessDate(),
                cart.openCounter(),
                cart.businessCounter(),
                cart.generateDateTime(),
                cart.receiptNo(),
                person(cart.user()),
                person(cart.staff()),
                sales,
                cart.lineItems().stream().map(TranLogMapper::lineItem).toList(),
                cart.payments().stream().map(TranLogMapper::payment).toList(),
                cart.taxes().stream().map(TranLogMapper::tax).toList(),
                cart.subtotalDiscounts().stream().map(TranLogMapper::discount).toList(),
                null,
                cart.receiptText(),
                cart.journalText(),
                cart.additionalInfo());
    }

    static TranLog.Person person(Staff staff) {
        return staff == null ? new TranLog.Person(null, null) : new TranLog.Person(staff.id(), staff.name());
    }

    static TranLog.LineItem lineItem(LineItem l) {
        List<TranLog.AllocatedDiscount> allocated = l.discountsAllocated().stream()
                .map(a -> new TranLog.AllocatedDiscount(a.seqNo(), a.discountType().name(), a.discountAmount(), l.quantity()))
                .toList();
        return new TranLog.LineItem(l.lineNo(), l.itemCode(), l.itemName(), l.categoryCode(), l.unitPrice(),
                l.unitPriceOriginal(), l.isUnitPriceChanged(), l.quantity(), l.amount(), l.taxCode(),
                l.discounts().stream().map(TranLogMapper::discount).toList(), allocated, l.isCancelled(),
                l.isDiscountRestricted());
    }

    static TranLog.Discount discount(Discount d) {
        return new TranLog.Discount(d.seqNo(), d.discountType().name(), d.discountValue(), d.discountAmount(),
                d.discountDetail(), d.promotionCode(), d.promotionType());
    }

    static TranLog.Payment payment(Payment p) {
        return new TranLog.Payment(p.paymentNo(), p.paymentCode(), p.paymentName(), p.depositAmount(), p.paymentAmount(),
                p.paymentDetail());
    }

    static TranLog.Tax tax(Tax t) {
        return new TranLog.Tax(t.taxNo(), t.taxCode(), t.taxType().name(), t.taxName(), t.taxAmount(), t.targetAmount(),
                t.targetQuantity());
    }
}
