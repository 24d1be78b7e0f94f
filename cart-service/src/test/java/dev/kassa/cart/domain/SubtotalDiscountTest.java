package dev.kassa.cart.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static dev.kassa.cart.domain.Fixtures.*;
import static org.junit.jupiter.api.Assertions.*;

/** Subtotal (cart) discounts: amounts, percentages, allocation to lines, taxes after allocation, errors. */
class SubtotalDiscountTest {

    @Test
    void amountDiscountIsAllocatedAndTaxed() {
        Cart cart = payingCartWith(ItemToAdd.of(item4901(), 2));
        cart.setSubtotalDiscounts(List.of(DiscountRequest.amount(50)), CTX);
        Discount d = cart.subtotalDiscounts().get(0);
        assertEquals(DiscountType.DiscountAmount, d.discountType());
        assertAmount(50, d.discountValue());
        assertAmount(50, d.discountAmount());
        LineItem line = cart.lineItems().get(0);
        assertAmount(200, line.amount()); // the line amount itself is unchanged
        assertEquals(List.of(new AllocatedDiscount(1, DiscountType.DiscountAmount, bd(50))), line.discountsAllocated());
        assertAmount(150, cart.taxes().get(0).targetAmount());
        assertAmount(15, cart.taxes().get(0).taxAmount());
        assertAmount(200, cart.lineItemsAmount());
        assertAmount(150, cart.totalAmount());
        assertAmount(165, cart.totalAmountWithTax());
        assertAmount(50, cart.totalDiscountAmount());
        CartView view = CartView.of(cart);
        assertAmount(150, view.subtotalAmount());
        assertAmount(150, view.totalAmount());
        assertAmount(165, view.balanceAmount());
        assertEquals("DiscountAmount", view.subtotalDiscounts().get(0).discountType());
    }

    @Test
    void aRepeatedCallReplaces() {
        Cart cart = payingCartWith(ItemToAdd.of(item4901(), 2));
        cart.setSubtotalDiscounts(List.of(DiscountRequest.amount(50)), CTX);
        cart.setSubtotalDiscounts(List.of(DiscountRequest.amount(20)), CTX);
        assertEquals(1, cart.subtotalDiscounts().size());
        assertAmount(180, cart.totalAmount());
        assertAmount(20, cart.lineItems().get(0).allocatedDiscountAmount());
        cart.setSubtotalDiscounts(List.of(), CTX);
        assertAmount(220, cart.totalAmountWithTax());
        assertTrue(cart.lineItems().get(0).discountsAllocated().isEmpty());
    }

    @Test
    void percentageAppliesToDiscountableLinesOnly() {
        Cart cart = payingCartWith(
                ItemToAdd.of(item("R", 1000, "01", "001", true), 1),
                ItemToAdd.of(item("B", 500, "01"), 1));
        cart.setSubtotalDiscounts(List.of(DiscountRequest.percentage(10)), CTX);
        assertAmount(50, cart.subtotalDiscounts().get(0).discountAmount());
        assertTrue(cart.lineItems().get(0).discountsAllocated().isEmpty());
        assertAmount(50, cart.lineItems().get(1).allocatedDiscountAmount());
        assertAmount(1450, cart.totalAmount());
        assertAmount(145, cart.taxAmount());
    }

    @Test
    void percentageRoundsHalfUp() {
        Cart cart = payingCartWith(ItemToAdd.of(item("A", 105, "01"), 1));
        cart.setSubtotalDiscounts(List.of(DiscountRequest.percentage(10)), CTX); // 10.5 -> 11
        assertAmount(11, cart.subtotalDiscounts().get(0).discountAmount());
        assertAmount(94, cart.totalAmount());
    }

    @Test
    void cancelledLinesTakeNoShare() {
        Cart cart = cartWith(ItemToAdd.of(item("A", 100, "01"), 1), ItemToAdd.of(item("B", 100, "01"), 1));
        cart.cancelLineItem(2, CTX);
        cart.subtotal(CTX);
        cart.setSubtotalDiscounts(List.of(DiscountRequest.percentage(50)), CTX);
        assertAmount(50, cart.subtotalDiscounts().get(0).discountAmount());
        assertAmount(50, cart.lineItems().get(0).allocatedDiscountAmount());
        assertTrue(cart.lineItems().get(1).discountsAllocated().isEmpty());
    }

    static Stream<Arguments> allocations() {
        return Stream.of(
                // prices, quantities, discount, expected shares
                Arguments.of(List.of(100, 100, 100), List.of(1, 1, 1), 100, List.of(34, 33, 33)),
                Arguments.of(List.of(100, 200), List.of(1, 1), 100, List.of(33, 67)),
                Arguments.of(List.of(100, 100), List.of(3, 1), 10, List.of(8, 2)),         // 7.5/2.5 floored, 1 left by qty
                Arguments.of(List.of(100, 100, 100, 100, 100), List.of(1, 1, 1, 1, 1), 4, List.of(1, 1, 1, 1, 0)),
                Arguments.of(List.of(50, 50, 50), List.of(2, 2, 2), 5, List.of(3, 1, 1)),    // 1 each + 2 to the first (qty 2)
                Arguments.of(List.of(10, 20, 30), List.of(1, 1, 1), 60, List.of(10, 20, 30)), // everything
                Arguments.of(List.of(1000), List.of(7), 999, List.of(999)));
    }

    @ParameterizedTest(name = "{0} x {1}, discount {2} -> {3}")
    @MethodSource("allocations")
    void proRataThenRemainderByQuantity(List<Integer> prices, List<Integer> quantities, int discount, List<Integer> expected) {
        List<ItemToAdd> items = new ArrayList<>();
        for (int i = 0; i < prices.size(); i++) {
            items.add(ItemToAdd.of(item("I" + i, prices.get(i), "00"), quantities.get(i)));
        }
        Cart cart = payingCartWith(items.toArray(ItemToAdd[]::new));
        cart.setSubtotalDiscounts(List.of(DiscountRequest.amount(discount)), CTX);
        List<Integer> shares = cart.lineItems().stream().map(l -> l.allocatedDiscountAmount().intValueExact()).toList();
        assertEquals(expected, shares);
        assertEquals(discount, shares.stream().mapToInt(Integer::intValue).sum());
    }

    @Test
    void allSubtotalDiscountsAreAllocated() {
        Cart cart = payingCartWith(ItemToAdd.of(item("A", 100, "01"), 1), ItemToAdd.of(item("B", 300, "01"), 1));
        cart.setSubtotalDiscounts(List.of(DiscountRequest.amount(30), DiscountRequest.percentage(10)), CTX);
        assertAmount(30, cart.subtotalDiscounts().get(0).discountAmount());
        assertAmount(40, cart.subtotalDiscounts().get(1).discountAmount());
        assertEquals(List.of(1, 2), cart.subtotalDiscounts().stream().map(Discount::seqNo).toList());
        BigDecimal allocated = cart.lineItems().stream().map(LineItem::allocatedDiscountAmount).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertAmount(70, allocated);
        assertEquals(2, cart.lineItems().get(1).discountsAllocated().size());
        assertAmount(330, cart.totalAmount());
        assertAmount(33, cart.taxAmount()); // on the net 330
        assertAmount(70, cart.totalDiscountAmount());
    }

    @Test
    void lineAndSubtotalDiscountsTogether() {
        Cart cart = cartWith(ItemToAdd.of(item4901(), 2));
        cart.setLineDiscounts(1, List.of(DiscountRequest.amount(20)), CTX);
        cart.subtotal(CTX);
        cart.setSubtotalDiscounts(List.of(DiscountRequest.percentage(10)), CTX);
        assertAmount(18, cart.subtotalDiscounts().get(0).discountAmount()); // 10% of 180
        assertAmount(162, cart.totalAmount());
        assertAmount(16, cart.taxAmount());
        assertAmount(178, cart.totalAmountWithTax());
        assertAmount(38, cart.totalDiscountAmount());
    }

    @Test
    void amountAboveTheBalanceIs402003() {
        Cart cart = payingCartWith(ItemToAdd.of(item4901(), 2)); // balance 220
        assertApiError(400, "402003", () -> cart.setSubtotalDiscounts(List.of(DiscountRequest.amount(221)), CTX));
        assertApiError(400, "402003", () -> cart.setSubtotalDiscounts(
                List.of(DiscountRequest.amount(120), DiscountRequest.amount(101)), CTX));
        cart.addPayments(List.of(PaymentRequest.of("11", 100)), CTX); // balance 120
        assertApiError(400, "402003", () -> cart.setSubtotalDiscounts(List.of(DiscountRequest.amount(121)), CTX));
        assertTrue(cart.subtotalDiscounts().isEmpty());
    }

    @Test
    void theBalanceCheckIgnoresThePreviousSubtotalDiscounts() {
        Cart cart = payingCartWith(ItemToAdd.of(item4901(), 2));
        cart.setSubtotalDiscounts(List.of(DiscountRequest.amount(150)), CTX); // balance now 55
        cart.setSubtotalDiscounts(List.of(DiscountRequest.amount(160)), CTX); // replaces: judged against 220
        assertAmount(40, cart.totalAmount());
    }

    @Test
    void moreThanTheDiscountableAmountIs402004() {
        Cart cart = payingCartWith(
                ItemToAdd.of(item("R", 1000, "01", "001", true), 1),
                ItemToAdd.of(item("B", 100, "01"), 1));
        long version = cart.version();
        assertApiError(400, "402004", () -> cart.setSubtotalDiscounts(List.of(DiscountRequest.amount(101)), CTX));
        assertEquals(version, cart.version());
        cart.setSubtotalDiscounts(List.of(DiscountRequest.amount(100)), CTX);
        assertAmount(1000, cart.totalAmount());
    }

    @Test
    void theWholeNetAmountButNotMore() {
        Cart cart = payingCartWith(ItemToAdd.of(item4901(), 2)); // lines 200, balance 220
        assertApiError(400, "402004", () -> cart.setSubtotalDiscounts(List.of(DiscountRequest.amount(220)), CTX));
        cart.setSubtotalDiscounts(List.of(DiscountRequest.amount(200)), CTX);
        assertAmount(0, cart.totalAmountWithTax());
    }

    /** Random carts: every discount's allocations sum to it exactly and no line goes below zero. */
    @Test
    void allocationInvariantsOnRandomCarts() {
        Random random = new Random(20250501);
        for (int round = 0; round < 500; round++) {
            int n = 1 + random.nextInt(6);
            List<LineItem> lines = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                ItemMaster item = item("I" + i, 1 + random.nextInt(5000), "01", "001", random.nextInt(5) == 0);
                LineItem line = LineItem.of(i + 1, item, 1 + random.nextInt(5), item.unitPrice());
                line = line.withPricing(line.grossAmount(), List.of());
                lines.add(random.nextInt(8) == 0 ? line.cancelled() : line);
            }
            BigDecimal room = lines.stream().filter(LineItem::isDiscountable).map(LineItem::amount)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
            if (room.signum() == 0) {
                continue;
            }
            BigDecimal first = BigDecimal.valueOf(random.nextLong(room.longValue() + 1));
            BigDecimal second = BigDecimal.valueOf(random.nextLong(room.subtract(first).longValue() + 1));
            List<Discount> discounts = List.of(
                    Discount.of(1, DiscountType.DiscountAmount, first, null).withAmount(first),
                    Discount.of(2, DiscountType.DiscountAmount, second, null).withAmount(second));

            List<LineItem> allocated = DiscountAllocator.allocate(lines, discounts);

            for (Discount d : discounts) {
                BigDecimal sum = allocated.stream().flatMap(l -> l.discountsAllocated().stream())
                        .filter(a -> a.seqNo() == d.seqNo()).map(AllocatedDiscount::discountAmount)
                        .reduce(BigDecimal.ZERO, BigDecimal::add);
                assertEquals(0, sum.compareTo(d.discountAmount()), "round " + round + " discount " + d.seqNo());
            }
            for (LineItem l : allocated) {
                assertTrue(l.netAmount().signum() >= 0, "round " + round + " line " + l.lineNo());
                if (!l.isDiscountable()) {
                    assertTrue(l.discountsAllocated().isEmpty(), "round " + round + " line " + l.lineNo());
                }
                l.discountsAllocated().forEach(a -> assertTrue(a.discountAmount().signum() > 0));
            }
        }
    }
}
