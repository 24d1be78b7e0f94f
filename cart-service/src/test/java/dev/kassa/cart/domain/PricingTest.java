package dev.kassa.cart.domain;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.util.List;

import static dev.kassa.cart.domain.Fixtures.*;
import static org.junit.jupiter.api.Assertions.*;

/** Unit price choice, line amounts, quantity and price changes, line cancel, totals. */
class PricingTest {

    @ParameterizedTest(name = "request {0}, store {1}, common {2} -> {3}")
    @CsvSource(nullValues = "null", value = {
            "null, 100, 120, 100",   // store price wins over the common price
            "88,   100, 120, 88",    // a requested price wins over both
            "0,    100, 120, 100",   // 0 is "not given" (Kugel: falsy)
            "null, null, 120, 120",  // no store price: the common price
            "null, 0,   120, 120",   // store price 0 is "not set"
            "95.5, null, 120, 95.5", // decimals are kept
    })
    void unitPriceRule(String requested, String store, String common, String expected) {
        ItemMaster item = new ItemMaster("X", "X", new BigDecimal(common), store == null ? null : new BigDecimal(store),
                "001", "01", false, List.of());
        assertAmount(expected, item.priceFor(requested == null ? null : new BigDecimal(requested)));
    }

    @Test
    void requestedUnitPriceOverridesTheMaster() {
        Cart cart = cartWith(new ItemToAdd(item4901(), 2, bd(88)));
        assertAmount(88, cart.lineItems().get(0).unitPrice());
        assertAmount(176, cart.lineItems().get(0).amount());
        assertAmount(17, cart.taxes().get(0).taxAmount()); // 17.6 floored
        assertAmount(193, cart.totalAmountWithTax());
    }

    @Test
    void linesAreNumberedFromOneAndAccumulate() {
        Cart cart = cartWith(ItemToAdd.of(item4901(), 1), ItemToAdd.of(item("A", 300, "01"), 3));
        cart.addItems(List.of(ItemToAdd.of(item("B", 50, "01"), 1)), CTX);
        assertEquals(List.of(1, 2, 3), cart.lineItems().stream().map(LineItem::lineNo).toList());
        assertAmount(100 + 900 + 50, cart.totalAmount());
        assertEquals(5, cart.totalQuantity());
        assertAmount(105, cart.taxAmount());
        assertAmount(1155, cart.totalAmountWithTax());
    }

    @Test
    void quantityChangeRecalculates() {
        Cart cart = cartWith(ItemToAdd.of(item4901(), 2));
        cart.updateQuantity(1, 3, CTX);
        assertEquals(3, cart.lineItems().get(0).quantity());
        assertAmount(300, cart.lineItems().get(0).amount());
        assertAmount(30, cart.taxes().get(0).taxAmount());
        assertEquals(3, cart.taxes().get(0).targetQuantity());
        assertAmount(330, cart.balanceAmount());
    }

    @Test
    void unitPriceChangeKeepsTheFirstOriginal() {
        Cart cart = cartWith(ItemToAdd.of(item4901(), 2));
        cart.updateUnitPrice(1, bd(95), CTX);
        LineItem line = cart.lineItems().get(0);
        assertTrue(line.isUnitPriceChanged());
        assertAmount(100, line.unitPriceOriginal());
        assertAmount(95, line.unitPrice());
        assertAmount(190, line.amount());
        cart.updateUnitPrice(1, bd(90), CTX);
        assertAmount(100, cart.lineItems().get(0).unitPriceOriginal());
        assertAmount(180, cart.lineItems().get(0).amount());
    }

    @Test
    void cancelledLinesStayButCountForNothing() {
        Cart cart = cartWith(ItemToAdd.of(item4901(), 2), ItemToAdd.of(item("A", 300, "02"), 1));
        cart.cancelLineItem(2, CTX);
        assertEquals(2, cart.lineItems().size());
        assertTrue(cart.lineItems().get(1).isCancelled());
        assertAmount(200, cart.totalAmount());
        assertEquals(2, cart.totalQuantity());
        assertEquals(1, cart.taxes().size()); // the internal-tax line's group is gone
        assertAmount(220, cart.totalAmountWithTax());
        cart.cancelLineItem(2, CTX); // again: nothing changes
        assertAmount(220, cart.totalAmountWithTax());
    }

    @Test
    void cancellingEveryLineGivesZero() {
        Cart cart = cartWith(ItemToAdd.of(item4901(), 2));
        cart.cancelLineItem(1, CTX);
        assertAmount(0, cart.totalAmountWithTax());
        assertAmount(0, cart.balanceAmount());
        assertTrue(cart.taxes().isEmpty());
    }

    @Test
    void aCancelledLineCannotBeChanged() {
        Cart cart = cartWith(ItemToAdd.of(item4901(), 2));
        cart.cancelLineItem(1, CTX);
        assertApiError(422, "300001", () -> cart.updateQuantity(1, 3, CTX));
        assertApiError(422, "300001", () -> cart.updateUnitPrice(1, bd(3), CTX));
        assertApiError(422, "300001", () -> cart.setLineDiscounts(1, List.of(DiscountRequest.amount(1)), CTX));
    }

    @Test
    void unknownLineIs404() {
        Cart cart = cartWith(ItemToAdd.of(item4901(), 2));
        assertApiError(404, "100001", () -> cart.cancelLineItem(2, CTX));
        assertApiError(404, "100001", () -> cart.updateQuantity(0, 1, CTX));
        assertApiError(404, "100001", () -> cart.updateUnitPrice(-1, bd(1), CTX));
    }

    @ParameterizedTest
    @CsvSource({"0", "-1"})
    void quantityMustBePositive(int quantity) {
        Cart cart = cartWith(ItemToAdd.of(item4901(), 2));
        assertApiError(422, "300001", () -> cart.updateQuantity(1, quantity, CTX));
        assertApiError(422, "300001", () -> cart.addItems(List.of(ItemToAdd.of(item4901(), quantity)), CTX));
        assertEquals(1, cart.lineItems().size());
    }

    @Test
    void negativePricesAreRefused() {
        Cart cart = cartWith(ItemToAdd.of(item4901(), 2));
        assertApiError(422, "300001", () -> cart.updateUnitPrice(1, bd(-1), CTX));
        assertApiError(422, "300001", () -> cart.addItems(List.of(new ItemToAdd(item4901(), 1, bd(-5))), CTX));
    }

    @Test
    void emptyAddIsRefused() {
        assertApiError(422, "300001", () -> newCart().addItems(List.of(), CTX));
    }

    @Test
    void anItemWithAnUnknownTaxCodeIsRefusedAndTheCartIsUnchanged() {
        Cart cart = cartWith(ItemToAdd.of(item4901(), 2));
        long version = cart.version();
        assertApiError(422, "300001", () -> cart.addItems(List.of(ItemToAdd.of(item("Z", 10, "99"), 1)), CTX));
        assertEquals(1, cart.lineItems().size());
        assertEquals(version, cart.version());
        assertAmount(220, cart.totalAmountWithTax());
    }

    @Test
    void imageUrlsAndRestrictionComeFromTheMaster() {
        ItemMaster item = new ItemMaster("I", "Img", bd(10), null, "002", "00", true, List.of("http://x/1.png"));
        Cart cart = cartWith(ItemToAdd.of(item, 1));
        LineItem line = cart.lineItems().get(0);
        assertEquals(List.of("http://x/1.png"), line.imageUrls());
        assertTrue(line.isDiscountRestricted());
        assertEquals("002", line.categoryCode());
        assertEquals("00", line.taxCode());
    }

    @Test
    void anItemNotFoundErrorIsAvailableForTheService() {
        var e = CartErrors.itemNotFound("nope");
        assertEquals(404, e.status());
        assertEquals("402001", e.errorCode());
    }
}
