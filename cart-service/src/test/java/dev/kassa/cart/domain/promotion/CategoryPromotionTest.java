package dev.kassa.cart.domain.promotion;

import dev.kassa.cart.domain.Cart;
import dev.kassa.cart.domain.CartContext;
import dev.kassa.cart.domain.Discount;
import dev.kassa.cart.domain.DiscountRequest;
import dev.kassa.cart.domain.DiscountType;
import dev.kassa.cart.domain.ItemToAdd;
import dev.kassa.cart.domain.LineItem;
import dev.kassa.cart.domain.PaymentRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;

import static dev.kassa.cart.domain.Fixtures.*;
import static org.junit.jupiter.api.Assertions.*;

/** The category promotion plugin and the promotion hook of the recalculation. */
class CategoryPromotionTest {

    private static final Promotion P10 = Promotion.categoryDiscount("P10", "Spring 10%", 10, "001");
    private static final Promotion P20 = Promotion.categoryDiscount("P20", "Spring 20%", 20, "001", "002");
    private static final Promotion P5 = Promotion.categoryDiscount("P5", "Drinks 5%", 5, "003");

    private static Cart cart(CartContext ctx, ItemToAdd... items) {
        return newCart().addItems(List.of(items), ctx);
    }

    @Test
    void theHighestRateOfTheCategoryWins() {
        CartContext ctx = CTX.withPromotions(List.of(P10, P20, P5));
        Cart c = cart(ctx, ItemToAdd.of(item("A", 1000, "01", "001", false), 1));
        LineItem line = c.lineItems().get(0);
        assertEquals(1, line.discounts().size());
        Discount d = line.discounts().get(0);
        assertEquals(DiscountType.DiscountPercentage, d.discountType());
        assertEquals("P20", d.promotionCode());
        assertEquals("category_discount", d.promotionType());
        assertEquals("Spring 20%", d.discountDetail());
        assertAmount(20, d.discountValue());
        assertAmount(200, d.discountAmount());
        assertAmount(800, line.amount());
        assertAmount(880, c.totalAmountWithTax());
    }

    @Test
    void eachCategoryGetsItsOwnBest() {
        CartContext ctx = CTX.withPromotions(List.of(P10, P5));
        Cart c = cart(ctx,
                ItemToAdd.of(item("A", 100, "01", "001", false), 1),
                ItemToAdd.of(item("B", 100, "01", "003", false), 1),
                ItemToAdd.of(item("C", 100, "01", "009", false), 1));
        assertEquals("P10", c.lineItems().get(0).discounts().get(0).promotionCode());
        assertEquals("P5", c.lineItems().get(1).discounts().get(0).promotionCode());
        assertTrue(c.lineItems().get(2).discounts().isEmpty());
        assertAmount(285, c.totalAmount());
    }

    @Test
    void restrictedAndCancelledLinesAreSkipped() {
        CartContext ctx = CTX.withPromotions(List.of(P10));
        Cart c = cart(ctx,
                ItemToAdd.of(item("R", 100, "01", "001", true), 1),
                ItemToAdd.of(item("A", 100, "01", "001", false), 1));
        assertTrue(c.lineItems().get(0).discounts().isEmpty());
        assertEquals(1, c.lineItems().get(1).discounts().size());

        Cart other = cart(CTX, ItemToAdd.of(item("A", 100, "01", "001", false), 1));
        other.cancelLineItem(1, CTX);
        other.addItems(List.of(ItemToAdd.of(item("B", 100, "01", "002", false), 1)), ctx);
        assertTrue(other.lineItems().get(0).discounts().isEmpty());
    }

    @Test
    void aPromotedLineIsNotPromotedTwice() {
        CartContext ctx = CTX.withPromotions(List.of(P10));
        Cart c = cart(ctx, ItemToAdd.of(item("A", 100, "01", "001", false), 2));
        c.updateQuantity(1, 3, ctx);
        c.addItems(List.of(ItemToAdd.of(item("B", 50, "01", "002", false), 1)), ctx);
        c.subtotal(ctx);
        c.addPayments(List.of(PaymentRequest.of("11", 10)), ctx);
        assertEquals(1, c.lineItems().get(0).discounts().size());
        assertAmount(30, c.lineItems().get(0).discounts().get(0).discountAmount());
        // and with a higher promotion appearing later, the first one stays
        c.resumeItemEntry(CTX.withPromotions(List.of(P20)));
        assertEquals("P10", c.lineItems().get(0).discounts().get(0).promotionCode());
        assertEquals("P20", c.lineItems().get(1).discounts().get(0).promotionCode());
    }

    @Test
    void manualDiscountsReplaceTheListAndThePromotionComesBack() {
        CartContext ctx = CTX.withPromotions(List.of(P10));
        Cart c = cart(ctx, ItemToAdd.of(item("A", 100, "01", "001", false), 1));
        c.setLineDiscounts(1, List.of(DiscountRequest.amount(5)), ctx);
        List<Discount> d = c.lineItems().get(0).discounts();
        assertEquals(2, d.size());
        assertEquals(DiscountType.DiscountAmount, d.get(0).discountType());
        assertEquals("P10", d.get(1).promotionCode());
        assertAmount(10, d.get(1).discountAmount()); // percentages first: 10% of 100
        assertAmount(85, c.lineItems().get(0).amount());
    }

    @Test
    void otherPromotionTypesAndZeroRatesAreIgnored() {
        Promotion other = new Promotion("X", "bundle", "Bundle", null, null, true, List.of(), List.of("001"), BigDecimal.TEN);
        Promotion zero = Promotion.categoryDiscount("Z", "Zero", 0, "001");
        Cart c = cart(CTX.withPromotions(List.of(other, zero)), ItemToAdd.of(item("A", 100, "01", "001", false), 1));
        assertTrue(c.lineItems().get(0).discounts().isEmpty());
    }

    @Test
    void noPluginsMeansNoPromotions() {
        CartContext ctx = CTX.withPromotions(List.of(P10)).withPromotionPlugins(PromotionRegistry.none());
        Cart c = cart(ctx, ItemToAdd.of(item("A", 100, "01", "001", false), 1));
        assertTrue(c.lineItems().get(0).discounts().isEmpty());
    }

    @Test
    void pluginsComeFromConfiguration() {
        PromotionRegistry registry = PromotionRegistry.fromConfig(List.of("CategoryPromotion"));
        assertEquals(1, registry.plugins().size());
        assertInstanceOf(CategoryPromotion.class, registry.plugins().get(0));
        assertThrows(IllegalArgumentException.class, () -> PromotionRegistry.fromConfig(List.of("Nope")));
    }

    @ParameterizedTest(name = "active={0} start={1} end={2} stores={3} at store 5678 -> {4}")
    @CsvSource(nullValues = "null", value = {
            "true,  null,                      null,                      '',          true",
            "false, null,                      null,                      '',          false",
            "true,  2025-05-01T00:00:00+09:00, 2025-05-31T23:59:59+09:00, '',          true",
            "true,  2025-05-02T00:00:00+09:00, null,                      '',          false",
            "true,  null,                      2025-05-01T12:00:00+09:00, '',          false",
            "true,  2025-05-01T12:34:56+09:00, 2025-05-01T12:34:56+09:00, '',          true",
            "true,  null,                      null,                      '5678;1234', true",
            "true,  null,                      null,                      '1234',      false",
    })
    void activeRule(boolean active, String start, String end, String stores, boolean expected) {
        Promotion p = new Promotion("P", Promotion.CATEGORY_DISCOUNT, "p",
                start == null ? null : OffsetDateTime.parse(start), end == null ? null : OffsetDateTime.parse(end), active,
                stores.isEmpty() ? List.of() : List.of(stores.split(";")), List.of("001"), BigDecimal.TEN);
        assertEquals(expected, p.isActiveAt(NOW, "5678"));
    }
}
