package dev.kassa.cart.domain;

import dev.kassa.cart.domain.payment.PaymentRegistry;
import dev.kassa.cart.domain.promotion.Promotion;
import dev.kassa.cart.domain.promotion.PromotionRegistry;

import java.math.RoundingMode;
import java.util.List;
import java.util.Map;

/**
 * Everything a cart operation needs besides the cart: master data (taxes, payment methods, active
 * promotions) and the configured plugins and rules. The service builds one per request from its
 * caches and configuration; the domain never does I/O.
 *
 * @param paymentMethods    payment master by code (the payment's name comes from here)
 * @param activePromotions  promotions active now for the cart's store (see {@link Promotion#isActiveAt})
 * @param discountRounding  Kugel's ROUND_METHOD_FOR_DISCOUNT (default HALF_UP, to whole units)
 */
public record CartContext(
        TaxMaster taxMaster,
        Map<String, PaymentMethod> paymentMethods,
        PaymentRegistry paymentPlugins,
        PromotionRegistry promotionPlugins,
        List<Promotion> activePromotions,
        StampDutyTable stampDuty,
        RoundingMode discountRounding) {

    public CartContext {
        taxMaster = taxMaster == null ? TaxMaster.defaults() : taxMaster;
        paymentMethods = paymentMethods == null ? Map.of() : Map.copyOf(paymentMethods);
        paymentPlugins = paymentPlugins == null ? PaymentRegistry.defaults() : paymentPlugins;
        promotionPlugins = promotionPlugins == null ? PromotionRegistry.defaults() : promotionPlugins;
        activePromotions = activePromotions == null ? List.of() : List.copyOf(activePromotions);
        stampDuty = stampDuty == null ? StampDutyTable.japan() : stampDuty;
        discountRounding = discountRounding == null ? RoundingMode.HALF_UP : discountRounding;
    }

    /** Default tax master, the three seed payment methods, default plugins, no promotions, Japanese stamp duty. */
    public static CartContext defaults() {
        return new CartContext(TaxMaster.defaults(), PaymentMethod.defaults(), PaymentRegistry.defaults(),
                PromotionRegistry.defaults(), List.of(), StampDutyTable.japan(), RoundingMode.HALF_UP);
    }

    public CartContext withTaxMaster(TaxMaster taxes) {
        return new CartContext(taxes, paymentMethods, paymentPlugins, promotionPlugins, activePromotions, stampDuty,
                discountRounding);
    }

    public CartContext withPaymentMethods(Map<String, PaymentMethod> methods) {
        return new CartContext(taxMaster, methods, paymentPlugins, promotionPlugins, activePromotions, stampDuty,
                discountRounding);
    }

    public CartContext withPaymentPlugins(PaymentRegistry plugins) {
        return new CartContext(taxMaster, paymentMethods, plugins, promotionPlugins, activePromotions, stampDuty,
                discountRounding);
    }

    public CartContext withPromotions(List<Promotion> promotions) {
        return new CartContext(taxMaster, paymentMethods, paymentPlugins, promotionPlugins, promotions, stampDuty,
                discountRounding);
    }

    public CartContext withPromotionPlugins(PromotionRegistry plugins) {
        return new CartContext(taxMaster, paymentMethods, paymentPlugins, plugins, activePromotions, stampDuty,
                discountRounding);
    }

    public CartContext withStampDuty(StampDutyTable table) {
        return new CartContext(taxMaster, paymentMethods, paymentPlugins, promotionPlugins, activePromotions, table,
                discountRounding);
    }

    public CartContext withDiscountRounding(RoundingMode rounding) {
        return new CartContext(taxMaster, paymentMethods, paymentPlugins, promotionPlugins, activePromotions, stampDuty,
                rounding);
    }
}
