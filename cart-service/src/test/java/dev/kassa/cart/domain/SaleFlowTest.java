package dev.kassa.cart.domain;

import dev.kassa.cart.domain.receipt.ReceiptSettings;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.kassa.cart.domain.Fixtures.*;
import static org.junit.jupiter.api.Assertions.*;

/** kugel-flows.md §3 with the contract's numbers. */
class SaleFlowTest {

    @Test
    void createGivesAnIdleCartWithoutNumbers() {
        Cart cart = newCart();
        assertEquals(CartState.Idle, cart.cartStatus());
        assertEquals("T9999", cart.tenantId());
        assertEquals("5678", cart.storeCode());
        assertEquals(9, cart.terminalNo());
        assertEquals(-1, cart.transactionNo());
        assertEquals(-1, cart.receiptNo());
        assertEquals(101, cart.transactionType());
        assertTrue(cart.lineItems().isEmpty());
        assertEquals(new Staff("S001", "Staff1"), cart.staff());
        assertEquals(new Staff("99", "John Doe"), cart.user());
        assertEquals("20250501", cart.businessDate());
        assertEquals("2025-05-01T12:34:56+09:00", cart.generateDateTime());
        assertEquals(1, cart.version());
    }

    @Test
    void createDefaultsToASale() {
        assertEquals(101, Cart.create("c", terminal(), null, null, NOW).transactionType());
    }

    @Test
    void createNeedsAnOpenedTerminal() {
        TerminalInfo t = terminal();
        TerminalInfo idle = new TerminalInfo(t.tenantId(), t.storeCode(), t.storeName(), t.terminalNo(), "Idle",
                t.businessDate(), 0, 0, t.staff());
        assertApiError(400, "404001", () -> Cart.create("c", idle, 101, null, NOW));
    }

    @Test
    void createNeedsASignedInStaff() {
        TerminalInfo t = terminal();
        TerminalInfo nobody = new TerminalInfo(t.tenantId(), t.storeCode(), t.storeName(), t.terminalNo(), "Opened",
                t.businessDate(), 1, 1, null);
        assertApiError(400, "404002", () -> Cart.create("c", nobody, 101, null, NOW));
    }

    @Test
    void theWholeSale() {
        Cart cart = newCart();

        // 21: add 49-01 x2 -> store price 100
        cart.addItems(List.of(ItemToAdd.of(item4901(), 2)), CTX);
        assertEquals(CartState.EnteringItem, cart.cartStatus());
        LineItem line = cart.lineItems().get(0);
        assertEquals(1, line.lineNo());
        assertEquals("49-01", line.itemCode());
        assertEquals("Item1", line.itemName());
        assertEquals("001", line.categoryCode());
        assertAmount(100, line.unitPrice());
        assertAmount(0, line.unitPriceOriginal());
        assertFalse(line.isUnitPriceChanged());
        assertEquals(2, line.quantity());
        assertAmount(200, line.amount());
        assertTrue(line.discounts().isEmpty());
        assertFalse(line.isCancelled());

        Tax tax = cart.taxes().get(0);
        assertEquals(1, cart.taxes().size());
        assertEquals(1, tax.taxNo());
        assertEquals("01", tax.taxCode());
        assertEquals(TaxType.External, tax.taxType());
        assertEquals("外税10%", tax.taxName());
        assertAmount(20, tax.taxAmount());
        assertAmount(200, tax.targetAmount());
        assertEquals(2, tax.targetQuantity());

        CartView view = CartView.of(cart);
        assertAmount(200, view.subtotalAmount());
        assertAmount(200, view.totalAmount());
        assertAmount(220, view.totalAmountWithTax());
        assertAmount(220, view.balanceAmount());
        assertEquals(2, view.totalQuantity());

        // 22: subtotal
        cart.subtotal(CTX);
        assertEquals(CartState.Paying, cart.cartStatus());

        // 23: cash 1000
        cart.addPayments(List.of(new PaymentRequest("01", bd(1000), "Cash payment")), CTX);
        Payment payment = cart.payments().get(0);
        assertEquals(1, payment.paymentNo());
        assertEquals("01", payment.paymentCode());
        assertEquals("Cash", payment.paymentName());
        assertAmount(220, payment.paymentAmount());
        assertEquals("Cash payment", payment.paymentDetail());
        assertAmount(1000, cart.depositAmount());
        assertAmount(780, cart.changeAmount());
        assertAmount(0, cart.balanceAmount());

        // 24: bill
        cart.bill(FIRST_NUMBERS, NOW.plusMinutes(1), ReceiptSettings.none());
        assertEquals(CartState.Completed, cart.cartStatus());
        assertEquals(1, cart.transactionNo());
        assertEquals(111111, cart.receiptNo());
        assertNotNull(cart.receiptText());
        assertNotNull(cart.journalText());
        assertTrue(cart.receiptText().contains("領 収 証"));
        assertAmount(0, CartView.of(cart).stampDutyAmount());
        assertEquals("2025-05-01T12:35:56+09:00", cart.generateDateTime());
    }

    @Test
    void billWithABalanceIs406() {
        Cart cart = payingCartWith(ItemToAdd.of(item4901(), 2));
        cart.addPayments(List.of(PaymentRequest.of("01", 100)), CTX);
        long version = cart.version();
        assertApiError(406, "403002", () -> billed(cart));
        assertApiError(406, "403002", cart::ensureBillable);
        assertEquals(CartState.Paying, cart.cartStatus());
        assertEquals(-1, cart.transactionNo());
        assertEquals(version, cart.version());
    }

    @Test
    void cancelFromEveryOpenStateConsumesNumbers() {
        for (Cart cart : List.of(newCart(), cartWith(ItemToAdd.of(item4901(), 1)), payingCartWith(ItemToAdd.of(item4901(), 1)))) {
            cart.cancel(new TransactionNumbers(7, 111117), NOW, ReceiptSettings.none());
            assertEquals(CartState.Cancelled, cart.cartStatus());
            assertTrue(cart.isCancelled());
            assertEquals(7, cart.transactionNo());
            assertEquals(111117, cart.receiptNo());
            assertTrue(cart.receiptText().contains("取 引 中 止"));
            assertTrue(CartView.of(cart).status().isCancelled());
        }
    }

    @Test
    void resumeItemEntryClearsAllPayments() {
        Cart cart = payingCartWith(ItemToAdd.of(item4901(), 2));
        cart.addPayments(List.of(PaymentRequest.of("01", 100), PaymentRequest.of("11", 50)), CTX);
        assertAmount(70, cart.balanceAmount());
        cart.resumeItemEntry(CTX);
        assertEquals(CartState.EnteringItem, cart.cartStatus());
        assertTrue(cart.payments().isEmpty());
        assertAmount(220, cart.balanceAmount());
        assertAmount(0, cart.depositAmount());
        assertAmount(0, cart.changeAmount());
    }

    @Test
    void resumeAfterChangeForgetsTheChange() {
        Cart cart = payingCartWith(ItemToAdd.of(item4901(), 2));
        cart.addPayments(List.of(PaymentRequest.of("01", 1000)), CTX);
        cart.resumeItemEntry(CTX);
        assertAmount(0, cart.changeAmount());
        cart.addItems(List.of(ItemToAdd.of(item4901(), 1)), CTX);
        assertAmount(330, cart.balanceAmount());
    }

    @Test
    void paymentsAreAllowedWhileEnteringItems() {
        Cart cart = cartWith(ItemToAdd.of(item4901(), 2));
        cart.addPayments(List.of(PaymentRequest.of("01", 100)), CTX);
        assertEquals(CartState.EnteringItem, cart.cartStatus());
        cart.addItems(List.of(ItemToAdd.of(item4901(), 1)), CTX);
        assertAmount(230, cart.balanceAmount());
    }

    @Test
    void everyMutationBumpsTheVersion() {
        Cart cart = newCart();
        long v = cart.version();
        cart.addItems(List.of(ItemToAdd.of(item4901(), 1)), CTX);
        assertEquals(v + 1, cart.version());
        cart.updateQuantity(1, 2, CTX);
        assertEquals(v + 2, cart.version());
        cart.get();
        assertEquals(v + 2, cart.version());
        cart.subtotal(CTX);
        cart.addPayments(List.of(PaymentRequest.of("01", 220)), CTX);
        billed(cart);
        assertEquals(v + 5, cart.version());
    }
}
