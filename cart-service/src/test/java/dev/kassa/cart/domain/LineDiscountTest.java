package dev.kassa.cart.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import static dev.kassa.cart.domain.Fixtures.*;
import static org.junit.jupiter.api.Assertions.*;

/** Line discounts: amount and percentage, Kugel's formula, order, replacement and the errors. */
class LineDiscountTest {

    @Test
    void amountDiscount() {
        Cart cart = cartWith(ItemToAdd.of(item4901(), 2));
        cart.setLineDiscounts(1, List.of(new DiscountRequest("DiscountAmount", bd(10), "x")), CTX);
        LineItem line = cart.lineItems().get(0);
        Discount d = line.discounts().get(0);
        assertEquals(DiscountType.DiscountAmount, d.discountType());
        assertAmount(10, d.discountValue());
        assertAmount(10, d.discountAmount());
        assertEquals("x", d.discountDetail());
        assertEquals(1, d.seqNo());
        assertAmount(190, line.amount());
        assertAmount(19, cart.taxes().get(0).taxAmount());
        assertAmount(190, cart.taxes().get(0).targetAmount());
        assertAmount(209, cart.totalAmountWithTax());
        assertAmount(10, cart.totalDiscountAmount());
    }

    @ParameterizedTest(name = "{0} x {1} at {2}% -> {3}")
    @CsvSource({
            // price, qty, pct, expected discount = round(price*pct/100) * qty, HALF_UP
            "100, 2, 10,  20",
            "105, 3, 10,  33",   // 10.5 per unit -> 11 x 3
            "104, 3, 10,  30",   // 10.4 -> 10 x 3
            "99,  1, 50,  50",   // 49.5 -> 50
            "100, 1, 0,   0",
            "100, 4, 100, 400",
            "333, 2, 33,  220",  // 109.89 -> 110 x 2
    })
    void percentageDiscount(long price, int qty, long pct, long expected) {
        Cart cart = cartWith(ItemToAdd.of(item("P", price, "01"), qty));
        cart.setLineDiscounts(1, List.of(DiscountRequest.percentage(pct)), CTX);
        LineItem line = cart.lineItems().get(0);
        assertAmount(expected, line.discounts().get(0).discountAmount());
        assertAmount(price * qty - expected, line.amount());
    }

    @Test
    void percentagesApplyOneAfterTheOther() {
        Cart cart = cartWith(ItemToAdd.of(item("P", 100, "01"), 1));
        cart.setLineDiscounts(1, List.of(DiscountRequest.percentage(10), DiscountRequest.percentage(10)), CTX);
        List<Discount> d = cart.lineItems().get(0).discounts();
        assertAmount(10, d.get(0).discountAmount());
        assertAmount(9, d.get(1).discountAmount()); // 10% of 90
        assertAmount(81, cart.lineItems().get(0).amount());
    }

    @Test
    void percentagesComeBeforeAmountsWhateverTheOrder() {
        Cart cart = cartWith(ItemToAdd.of(item("P", 100, "01"), 2));
        cart.setLineDiscounts(1, List.of(DiscountRequest.amount(30), DiscountRequest.percentage(10)), CTX);
        List<Discount> d = cart.lineItems().get(0).discounts();
        assertAmount(30, d.get(0).discountAmount());
        assertAmount(20, d.get(1).discountAmount()); // on 200, not on 170
        assertAmount(150, cart.lineItems().get(0).amount());
        assertEquals(List.of(1, 2), d.stream().map(Discount::seqNo).toList());
    }

    @Test
    void aNewListReplacesTheOldOne() {
        Cart cart = cartWith(ItemToAdd.of(item4901(), 2));
        cart.setLineDiscounts(1, List.of(DiscountRequest.amount(10), DiscountRequest.amount(5)), CTX);
        cart.setLineDiscounts(1, List.of(DiscountRequest.amount(50)), CTX);
        assertEquals(1, cart.lineItems().get(0).discounts().size());
        assertAmount(150, cart.lineItems().get(0).amount());
        cart.setLineDiscounts(1, List.of(), CTX);
        assertAmount(200, cart.lineItems().get(0).amount());
    }

    @Test
    void quantityChangeRecomputesAPercentage() {
        Cart cart = cartWith(ItemToAdd.of(item("P", 105, "01"), 1));
        cart.setLineDiscounts(1, List.of(DiscountRequest.percentage(10)), CTX);
        assertAmount(11, cart.lineItems().get(0).discounts().get(0).discountAmount());
        cart.updateQuantity(1, 4, CTX);
        assertAmount(44, cart.lineItems().get(0).discounts().get(0).discountAmount());
        assertAmount(376, cart.lineItems().get(0).amount());
    }

    @Test
    void restrictedItemIs402005() {
        Cart cart = cartWith(ItemToAdd.of(item("R", 100, "01", "001", true), 1));
        assertApiError(400, "402005", () -> cart.setLineDiscounts(1, List.of(DiscountRequest.amount(1)), CTX));
        assertApiError(400, "402005", () -> cart.setLineDiscounts(1, List.of(), CTX));
    }

    @Test
    void amountAboveTheLineIs402002() {
        Cart cart = cartWith(ItemToAdd.of(item4901(), 2));
        long version = cart.version();
        assertApiError(400, "402002", () -> cart.setLineDiscounts(1, List.of(DiscountRequest.amount(201)), CTX));
        assertApiError(400, "402002", () -> cart.setLineDiscounts(1,
                List.of(DiscountRequest.percentage(50), DiscountRequest.amount(101)), CTX));
        assertEquals(version, cart.version());
        assertTrue(cart.lineItems().get(0).discounts().isEmpty());
        cart.setLineDiscounts(1, List.of(DiscountRequest.amount(200)), CTX); // exactly the line: fine
        assertAmount(0, cart.lineItems().get(0).amount());
    }

    @Test
    void loweringTheQuantityBelowAnAmountDiscountIs402002() {
        Cart cart = cartWith(ItemToAdd.of(item4901(), 2));
        cart.setLineDiscounts(1, List.of(DiscountRequest.amount(150)), CTX);
        assertApiError(400, "402002", () -> cart.updateQuantity(1, 1, CTX));
        assertEquals(2, cart.lineItems().get(0).quantity());
        assertApiError(400, "402002", () -> cart.updateUnitPrice(1, bd(50), CTX));
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(nullValues = "null", value = {
            "DiscountPercentage, 101",
            "DiscountPercentage, -1",
            "DiscountAmount,     -5",
            "DiscountAmount,     null",
            "Coupon,             10",
            "null,               10",
            "discountamount,     10",
    })
    void invalidDiscountsAre422(String type, String value) {
        Cart cart = cartWith(ItemToAdd.of(item4901(), 2));
        var request = new DiscountRequest(type, value == null ? null : new BigDecimal(value), null);
        assertApiError(422, "300001", () -> cart.setLineDiscounts(1, List.of(request), CTX));
        assertApiError(422, "300001", () -> payingCartWith(ItemToAdd.of(item4901(), 2))
                .setSubtotalDiscounts(List.of(request), CTX));
    }

    @Test
    void discountRoundingFollowsTheContext() {
        Cart cart = newCart().addItems(List.of(ItemToAdd.of(item("P", 105, "01"), 3)), CTX.withDiscountRounding(RoundingMode.FLOOR));
        cart.setLineDiscounts(1, List.of(DiscountRequest.percentage(10)), CTX.withDiscountRounding(RoundingMode.FLOOR));
        assertAmount(30, cart.lineItems().get(0).discounts().get(0).discountAmount());
    }

    @Test
    void priceLineAlone() {
        LineItem line = LineItem.of(1, item("P", 100, "01"), 3, bd(100))
                .withDiscounts(List.of(Discount.of(1, DiscountType.DiscountPercentage, bd(15), null),
                        Discount.of(2, DiscountType.DiscountAmount, bd(5), null)));
        LineItem priced = CartCalculator.priceLine(line, RoundingMode.HALF_UP);
        assertAmount(45, priced.discounts().get(0).discountAmount());
        assertAmount(5, priced.discounts().get(1).discountAmount());
        assertAmount(250, priced.amount());
        assertAmount(50, priced.lineDiscountAmount());
        assertEquals(BigDecimal.ZERO, line.amount()); // the input is untouched
    }
}
