package dev.kassa.cart.domain;

import java.math.BigDecimal;
import java.util.List;

/**
 * One line of the cart. {@code amount} ({@code price*qty − Σ discounts}), the discounts' amounts and
 * {@code discountsAllocated} are computed by {@link CartCalculator}; the rest is what was entered.
 *
 * @param unitPriceOriginal the price before the first manual price change (0 when unchanged, as Kugel)
 */
public record LineItem(
        int lineNo,
        String itemCode,
        String itemName,
        String categoryCode,
        String taxCode,
        BigDecimal unitPrice,
        BigDecimal unitPriceOriginal,
        boolean isUnitPriceChanged,
        int quantity,
        BigDecimal amount,
        List<Discount> discounts,
        List<AllocatedDiscount> discountsAllocated,
        List<String> imageUrls,
        boolean isCancelled,
        boolean isDiscountRestricted) {

    public LineItem {
        unitPriceOriginal = Money.orZero(unitPriceOriginal);
        amount = Money.orZero(amount);
        discounts = discounts == null ? List.of() : List.copyOf(discounts);
        discountsAllocated = discountsAllocated == null ? List.of() : List.copyOf(discountsAllocated);
        imageUrls = imageUrls == null ? List.of() : List.copyOf(imageUrls);
    }

    /** A new, not yet priced line for {@code item}. */
    public static LineItem of(int lineNo, ItemMaster item, int quantity, BigDecimal unitPrice) {
        return new LineItem(lineNo, item.itemCode(), item.description(), item.categoryCode(), item.taxCode(),
                unitPrice, Money.ZERO, false, quantity, Money.ZERO, List.of(), List.of(), item.imageUrls(),
                false, item.isDiscountRestricted());
    }

    /** unit price × quantity, before any discount. */
    public BigDecimal grossAmount() {
        return unitPrice.multiply(BigDecimal.valueOf(quantity));
    }

    public BigDecimal lineDiscountAmount() {
        return Money.sum(discounts, Discount::discountAmount);
    }

    public BigDecimal allocatedDiscountAmount() {
        return Money.sum(discountsAllocated, AllocatedDiscount::discountAmount);
    }

    /** The taxable amount: the line amount less its share of the subtotal discounts. */
    public BigDecimal netAmount() {
        return amount.subtract(allocatedDiscountAmount());
    }

    public boolean hasPromotion(String promotionType) {
        return discounts.stream().anyMatch(d -> promotionType.equals(d.promotionType()));
    }

    /** Whether this line takes part in subtotal discounts and promotions. */
    public boolean isDiscountable() {
        return !isCancelled && !isDiscountRestricted;
    }

    public LineItem withQuantity(int newQuantity) {
        return new LineItem(lineNo, itemCode, itemName, categoryCode, taxCode, unitPrice, unitPriceOriginal,
                isUnitPriceChanged, newQuantity, amount, discounts, discountsAllocated, imageUrls, isCancelled,
                isDiscountRestricted);
    }

    /** A manual price change: the first one remembers the previous price in {@code unitPriceOriginal}. */
    public LineItem withChangedUnitPrice(BigDecimal newPrice) {
        BigDecimal original = isUnitPriceChanged ? unitPriceOriginal : unitPrice;
        return new LineItem(lineNo, itemCode, itemName, categoryCode, taxCode, newPrice, original,
                true, quantity, amount, discounts, discountsAllocated, imageUrls, isCancelled, isDiscountRestricted);
    }

    public LineItem withDiscounts(List<Discount> newDiscounts) {
        return new LineItem(lineNo, itemCode, itemName, categoryCode, taxCode, unitPrice, unitPriceOriginal,
                isUnitPriceChanged, quantity, amount, newDiscounts, discountsAllocated, imageUrls, isCancelled,
                isDiscountRestricted);
    }

    public LineItem withPricing(BigDecimal newAmount, List<Discount> pricedDiscounts) {
        return new LineItem(lineNo, itemCode, itemName, categoryCode, taxCode, unitPrice, unitPriceOriginal,
                isUnitPriceChanged, quantity, newAmount, pricedDiscounts, discountsAllocated, imageUrls, isCancelled,
                isDiscountRestricted);
    }

    public LineItem withAllocations(List<AllocatedDiscount> allocations) {
        return new LineItem(lineNo, itemCode, itemName, categoryCode, taxCode, unitPrice, unitPriceOriginal,
                isUnitPriceChanged, quantity, amount, discounts, allocations, imageUrls, isCancelled,
                isDiscountRestricted);
    }

    public LineItem cancelled() {
        return new LineItem(lineNo, itemCode, itemName, categoryCode, taxCode, unitPrice, unitPriceOriginal,
                isUnitPriceChanged, quantity, amount, discounts, List.of(), imageUrls, true, isDiscountRestricted);
    }
}
