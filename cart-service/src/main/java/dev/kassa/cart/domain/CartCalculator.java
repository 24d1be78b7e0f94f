package dev.kassa.cart.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The cart's arithmetic (kugel-features.md §4 "Pricing", "Discounts", "Tax"), as a pure function of
 * the lines, the subtotal discounts and the payments. Order: promotions, line discounts and amounts,
 * subtotal discounts and their allocation, taxes, totals, stamp duty.
 */
public final class CartCalculator {

    private CartCalculator() {
    }

    public static Calculation calculate(List<LineItem> lines, List<Discount> subtotalDiscounts, List<Payment> payments,
                                        CartContext ctx) {
        // 1. promotions add their discounts first
        List<LineItem> promoted = ctx.promotionPlugins().apply(lines, ctx.activePromotions());

        // 2. line discounts and line amounts
        List<LineItem> priced = new ArrayList<>(promoted.size());
        for (LineItem line : promoted) {
            priced.add(line.isCancelled() ? line.withAllocations(List.of()) : priceLine(line, ctx.discountRounding()));
        }
        BigDecimal lineItemsAmount = BigDecimal.ZERO;
        int totalQuantity = 0;
        BigDecimal lineDiscounts = BigDecimal.ZERO;
        for (LineItem line : priced) {
            if (!line.isCancelled()) {
                lineItemsAmount = lineItemsAmount.add(line.amount());
                totalQuantity += line.quantity();
                lineDiscounts = lineDiscounts.add(line.lineDiscountAmount());
            }
        }

        // 3. subtotal discounts, then their allocation to the lines
        List<Discount> discounts = priceSubtotalDiscounts(subtotalDiscounts, priced, ctx.discountRounding());
        List<LineItem> allocated = DiscountAllocator.allocate(priced, discounts);
        BigDecimal subtotalDiscountAmount = Money.sum(discounts, Discount::discountAmount);

        // 4. taxes per tax code on the net amounts
        List<Tax> taxes = taxes(allocated, ctx.taxMaster());
        BigDecimal externalTax = BigDecimal.ZERO;
        BigDecimal allTaxes = BigDecimal.ZERO;
        for (Tax tax : taxes) {
            allTaxes = allTaxes.add(tax.taxAmount());
            if (tax.taxType() == TaxType.External) {
                externalTax = externalTax.add(tax.taxAmount());
            }
        }

        // 5. totals
        BigDecimal totalAmount = lineItemsAmount.subtract(subtotalDiscountAmount);
        BigDecimal totalWithTax = totalAmount.add(externalTax);
        BigDecimal paid = Money.sum(payments, Payment::paymentAmount);
        BigDecimal deposit = Money.sum(payments, Payment::depositAmount);
        BigDecimal change = Money.sum(payments, Payment::changeAmount);
        BigDecimal cash = Money.sum(payments.stream()
                .filter(p -> p.paymentCode().equals(ctx.stampDuty().cashPaymentCode())).toList(), Payment::paymentAmount);
        StampDuty stampDuty = ctx.stampDuty().evaluate(totalWithTax.subtract(allTaxes), cash);

        return new Calculation(List.copyOf(allocated), List.copyOf(discounts), List.copyOf(payments), List.copyOf(taxes), lineItemsAmount,
                totalAmount, externalTax, totalWithTax, totalQuantity, subtotalDiscountAmount.add(lineDiscounts),
                deposit, change, paid, totalWithTax.subtract(paid), stampDuty);
    }

    /**
     * Line amount = price × qty − Σ discounts. Percentages first, in list order, each on the amount left
     * by the previous percentages: {@code round((price*qty − prior)/qty × pct/100) × qty}; then amounts.
     * A line whose discounts exceed its price is 400 / 402002.
     */
    public static LineItem priceLine(LineItem line, RoundingMode rounding) {
        BigDecimal gross = line.grossAmount();
        BigDecimal qty = BigDecimal.valueOf(line.quantity());
        BigDecimal[] amounts = new BigDecimal[line.discounts().size()];
        BigDecimal prior = BigDecimal.ZERO;
        for (int i = 0; i < amounts.length; i++) {
            Discount d = line.discounts().get(i);
            if (d.discountType() == DiscountType.DiscountPercentage) {
                BigDecimal perUnit = Money.ratio(gross.subtract(prior).multiply(d.discountValue()), Money.HUNDRED.multiply(qty))
                        .setScale(0, rounding);
                amounts[i] = perUnit.multiply(qty);
                prior = prior.add(amounts[i]);
            }
        }
        BigDecimal total = prior;
        for (int i = 0; i < amounts.length; i++) {
            Discount d = line.discounts().get(i);
            if (d.discountType() == DiscountType.DiscountAmount) {
                amounts[i] = d.discountValue();
                total = total.add(amounts[i]);
            }
        }
        BigDecimal amount = gross.subtract(total);
        if (amount.signum() < 0) {
            throw CartErrors.amountLessThanDiscount(line.lineNo(), gross, total);
        }
        List<Discount> priced = new ArrayList<>(amounts.length);
        for (int i = 0; i < amounts.length; i++) {
            priced.add(line.discounts().get(i).withAmount(amounts[i]));
        }
        return line.withPricing(amount, priced);
    }

    /** Amount discounts are their value; a percentage applies to Σ amounts of discountable lines. */
    static List<Discount> priceSubtotalDiscounts(List<Discount> discounts, List<LineItem> lines, RoundingMode rounding) {
        BigDecimal discountable = Money.sum(lines.stream().filter(LineItem::isDiscountable).toList(), LineItem::amount);
        List<Discount> priced = new ArrayList<>(discounts.size());
        for (Discount d : discounts) {
            BigDecimal amount = d.discountType() == DiscountType.DiscountAmount
                    ? d.discountValue()
                    : Money.ratio(discountable.multiply(d.discountValue()), Money.HUNDRED).setScale(0, rounding);
            priced.add(d.withAmount(amount));
        }
        return priced;
    }

    /** Lines grouped per tax code in order of first appearance; cancelled lines are left out. */
    public static List<Tax> taxes(List<LineItem> lines, TaxMaster master) {
        Map<String, BigDecimal> targets = new LinkedHashMap<>();
        Map<String, Integer> quantities = new LinkedHashMap<>();
        for (LineItem line : lines) {
            if (line.isCancelled()) {
                continue;
            }
            targets.merge(line.taxCode(), line.netAmount(), BigDecimal::add);
            quantities.merge(line.taxCode(), line.quantity(), Integer::sum);
        }
        List<Tax> taxes = new ArrayList<>(targets.size());
        int taxNo = 0;
        for (Map.Entry<String, BigDecimal> entry : targets.entrySet()) {
            TaxRule rule = master.require(entry.getKey());
            taxes.add(new Tax(++taxNo, rule.taxCode(), rule.taxType(), rule.taxName(), rule.taxOn(entry.getValue()),
                    entry.getValue(), quantities.get(entry.getKey())));
        }
        return taxes;
    }
}
