package dev.kassa.cart.domain.transaction;

import dev.kassa.cart.domain.Cart;
import dev.kassa.cart.domain.ItemToAdd;
import dev.kassa.cart.domain.PaymentMethod;
import dev.kassa.cart.domain.PaymentRequest;
import dev.kassa.cart.domain.TranLogMapper;
import dev.kassa.cart.domain.TransactionNumbers;
import dev.kassa.cart.domain.receipt.ReceiptSettings;
import dev.kassa.common.event.TranLog;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static dev.kassa.cart.domain.Fixtures.*;
import static org.junit.jupiter.api.Assertions.*;

/** kugel-flows.md §6: return (102) and void (201/202) with their rules. */
class ReversalsTest {

    static final Map<String, PaymentMethod> METHODS = PaymentMethod.defaults();

    /** The sale of the flows: 49-01 x2, 220 with tax, cash 1000, transaction 1, receipt 111111. */
    static TranLog sale() {
        Cart cart = payingCartWith(ItemToAdd.of(item4901(), 2));
        cart.addPayments(List.of(PaymentRequest.of("01", 1000)), CTX);
        return TranLogMapper.fromCart(billed(cart), "sale-event");
    }

    static TranLog splitSale() {
        Cart cart = payingCartWith(ItemToAdd.of(item4901(), 2));
        cart.addPayments(List.of(PaymentRequest.of("11", 100), PaymentRequest.of("01", 50), PaymentRequest.of("01", 100)), CTX);
        return TranLogMapper.fromCart(billed(cart), "sale-event");
    }

    static ReversalContext ctx(long transactionNo, long receiptNo) {
        return new ReversalContext(new TransactionNumbers(transactionNo, receiptNo), "20250502", 1, 2,
                NOW.plusDays(1), ReceiptSettings.none(), "rev-event");
    }

    @Test
    void returnOfTheSale() {
        TranLog sale = sale();
        Reversal r = Reversals.returnOf(sale, TransactionStatus.NONE, List.of(PaymentRequest.of("01", 220)), METHODS, ctx(2, 111112));
        TranLog t = r.tranLog();
        assertEquals(TranLog.RETURN, t.transactionType());
        assertEquals(2, t.transactionNo());
        assertEquals(111112, t.receiptNo());
        assertEquals("rev-event", t.eventId());
        assertEquals("20250502", t.businessDate());
        assertEquals(1, t.openCounter());
        assertEquals(2, t.businessCounter());
        assertEquals("2025-05-02T12:34:56+09:00", t.generateDateTime());
        assertAmount(0, t.sales().changeAmount());
        assertAmount(220, t.sales().totalAmountWithTax()); // positive
        assertAmount(200, t.sales().totalAmount());
        assertAmount(200, t.lineItems().get(0).amount());
        assertEquals(2, t.lineItems().get(0).quantity());
        assertEquals(1, t.payments().size());
        assertAmount(220, t.payments().get(0).amount());
        assertAmount(220, t.payments().get(0).depositAmount()); // cash: can deposit over and change
        assertEquals("Cash", t.payments().get(0).description());
        assertEquals(sale.staff(), t.staff()); // kept from the original
        TranLog.Origin o = t.origin();
        assertEquals(new TranLog.Origin("T9999", "5678", 9, 1, 101, "20250501", "2025-05-01T12:34:56+09:00", 111111), o);
        assertTrue(t.receiptText().contains("返 品 伝 票"));
        assertTrue(t.receiptText().contains("[対象レシート]"));
        assertEquals(List.of(new StatusChange(new TransactionKey("T9999", "5678", 9, 1), StatusChange.Flag.REFUNDED, true)),
                r.statusChanges());
    }

    @Test
    void returnPaymentsMayDifferFromTheSaleButMustAddUp() {
        TranLog sale = sale();
        Reversal r = Reversals.returnOf(sale, TransactionStatus.NONE,
                List.of(PaymentRequest.of("11", 120), PaymentRequest.of("01", 100)), METHODS, ctx(2, 111112));
        assertEquals(2, r.tranLog().payments().size());
        assertAmount(0, r.tranLog().payments().get(0).depositAmount()); // cashless records no deposit
        assertApiError(400, "300001", () -> Reversals.returnOf(sale, TransactionStatus.NONE,
                List.of(PaymentRequest.of("01", 219)), METHODS, ctx(2, 111112)));
        assertApiError(400, "300001", () -> Reversals.returnOf(sale, TransactionStatus.NONE,
                List.of(), METHODS, ctx(2, 111112)));
        assertApiError(404, "100001", () -> Reversals.returnOf(sale, TransactionStatus.NONE,
                List.of(PaymentRequest.of("77", 220)), METHODS, ctx(2, 111112)));
        assertApiError(400, "300001", () -> Reversals.returnOf(sale, TransactionStatus.NONE,
                List.of(PaymentRequest.of("01", 440), PaymentRequest.of("01", -220)), METHODS, ctx(2, 111112)));
    }

    @Test
    void returnRules() {
        TranLog sale = sale();
        var refunded = assertApiError(400, "403006", () -> Reversals.checkReturnable(sale, new TransactionStatus(false, false, true)));
        assertTrue(refunded.getMessage().contains("already been refunded"));
        var voided = assertApiError(400, "403005", () -> Reversals.checkReturnable(sale, new TransactionStatus(false, true, false)));
        assertTrue(voided.getMessage().contains("already been voided"));
        assertApiError(400, "403006", () -> Reversals.checkReturnable(sale, new TransactionStatus(false, true, true)));
        TranLog aReturn = Reversals.returnOf(sale, TransactionStatus.NONE, List.of(PaymentRequest.of("01", 220)), METHODS,
                ctx(2, 111112)).tranLog();
        assertApiError(400, "300001", () -> Reversals.checkReturnable(aReturn, TransactionStatus.NONE));
        assertApiError(400, "300001", () -> Reversals.checkReturnable(cancelledSale(), TransactionStatus.NONE));
    }

    @Test
    void voidOfTheSale() {
        TranLog sale = sale();
        Reversal r = Reversals.voidOf(sale, TransactionStatus.NONE, List.of(PaymentRequest.of("01", 220)), METHODS, ctx(2, 111112));
        TranLog t = r.tranLog();
        assertEquals(TranLog.VOID_SALE, t.transactionType());
        assertEquals(2, t.transactionNo());
        assertAmount(0, t.sales().changeAmount());
        assertAmount(220, t.sales().totalAmountWithTax());
        assertEquals(101, t.origin().transactionType());
        assertTrue(t.receiptText().contains("売上取消伝票"));
        assertEquals(List.of(new StatusChange(TransactionKey.of(sale), StatusChange.Flag.VOIDED, true)), r.statusChanges());
    }

    @Test
    void voidOfAReturnGivesTheSaleBack() {
        TranLog sale = sale();
        TranLog aReturn = Reversals.returnOf(sale, TransactionStatus.NONE, List.of(PaymentRequest.of("01", 220)), METHODS,
                ctx(2, 111112)).tranLog();
        Reversal r = Reversals.voidOf(aReturn, TransactionStatus.NONE, List.of(PaymentRequest.of("01", 220)), METHODS, ctx(3, 111113));
        assertEquals(TranLog.VOID_RETURN, r.tranLog().transactionType());
        assertEquals(102, r.tranLog().origin().transactionType());
        assertEquals(2, r.tranLog().origin().transactionNo());
        assertTrue(r.tranLog().receiptText().contains("返品取消伝票"));
        assertEquals(List.of(
                new StatusChange(new TransactionKey("T9999", "5678", 9, 2), StatusChange.Flag.VOIDED, true),
                new StatusChange(new TransactionKey("T9999", "5678", 9, 1), StatusChange.Flag.REFUNDED, false)),
                r.statusChanges());
    }

    @Test
    void voidRules() {
        TranLog sale = sale();
        var voided = assertApiError(400, "403005", () -> Reversals.checkVoidable(sale, new TransactionStatus(false, true, false)));
        assertTrue(voided.getMessage().contains("already been voided"));
        assertApiError(400, "403006", () -> Reversals.checkVoidable(sale, new TransactionStatus(false, false, true)));
        assertApiError(400, "300001", () -> Reversals.checkVoidable(cancelledSale(), TransactionStatus.NONE));
        TranLog voidTran = Reversals.voidOf(sale, TransactionStatus.NONE, List.of(PaymentRequest.of("01", 220)), METHODS,
                ctx(2, 111112)).tranLog();
        assertApiError(400, "300001", () -> Reversals.checkVoidable(voidTran, TransactionStatus.NONE)); // 201 cannot be voided
    }

    @Test
    void aRefundedReturnCanStillBeVoided() {
        TranLog aReturn = Reversals.returnOf(sale(), TransactionStatus.NONE, List.of(PaymentRequest.of("01", 220)), METHODS,
                ctx(2, 111112)).tranLog();
        assertDoesNotThrow(() -> Reversals.checkVoidable(aReturn, new TransactionStatus(false, false, true)));
    }

    @Test
    void voidPaymentsMustMatchTheOriginal() {
        TranLog sale = splitSale(); // 11: 100, 01: 50 + 70 (change 30)
        assertAmount(70, sale.payments().get(2).amount());
        Reversal ok = Reversals.voidOf(sale, TransactionStatus.NONE,
                List.of(PaymentRequest.of("01", 120), PaymentRequest.of("11", 100)), METHODS, ctx(2, 111112));
        assertEquals(2, ok.tranLog().payments().size());
        // split per code in the request is fine as long as each code's total matches
        assertDoesNotThrow(() -> Reversals.voidOf(sale, TransactionStatus.NONE,
                List.of(PaymentRequest.of("01", 20), PaymentRequest.of("11", 100), PaymentRequest.of("01", 100)), METHODS, ctx(2, 111112)));

        List<List<PaymentRequest>> wrong = List.of(
                List.of(PaymentRequest.of("01", 220)),                                  // 11 missing
                List.of(PaymentRequest.of("01", 120), PaymentRequest.of("11", 99)),     // 11 amount differs
                List.of(PaymentRequest.of("01", 120), PaymentRequest.of("12", 100)),    // 12 not in the original
                List.of(PaymentRequest.of("01", 150), PaymentRequest.of("11", 100)),    // cash deposit instead of amount
                List.of());
        for (List<PaymentRequest> payments : wrong) {
            assertApiError(400, "300001", () -> Reversals.voidOf(sale, TransactionStatus.NONE, payments, METHODS, ctx(2, 111112)));
        }
    }

    @Test
    void transactionView() {
        TranLog sale = sale();
        TransactionView v = TransactionView.of(sale, new TransactionStatus(false, false, true));
        assertAmount(220, v.totalAmount()); // Kugel: Tran.totalAmount is the amount with tax
        assertAmount(220, v.totalAmountWithTax());
        assertAmount(200, v.subtotalAmount());
        assertAmount(1000, v.depositAmount());
        assertAmount(780, v.changeAmount());
        assertEquals(1, v.transactionNo());
        assertEquals(111111, v.receiptNo());
        assertEquals("Cash", v.payments().get(0).paymentName());
        assertAmount(220, v.payments().get(0).paymentAmount());
        assertEquals("Item1", v.lineItems().get(0).itemName());
        assertTrue(v.status().isRefunded());
        assertFalse(v.status().isVoided());
        assertFalse(v.status().isCancelled());
        assertTrue(TransactionView.of(cancelledSale(), TransactionStatus.NONE).status().isCancelled());
    }

    static TranLog cancelledSale() {
        Cart cart = cartWith(ItemToAdd.of(item4901(), 1));
        cart.cancel(new TransactionNumbers(5, 111115), NOW, ReceiptSettings.none());
        return TranLogMapper.fromCart(cart, "c");
    }
}
