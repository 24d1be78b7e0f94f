package dev.kassa.cart.domain.promotion;

import dev.kassa.cart.domain.LineItem;

import java.util.List;

/**
 * A promotion rule, run first in every recalculation of the cart. It gets the lines and the active
 * promotions and returns the lines with its discounts added; it must be idempotent (a line it already
 * promoted is left alone), because it runs again on every mutation. Discount amounts are computed
 * afterwards by the cart, so a plugin only appends {@link dev.kassa.cart.domain.Discount}s with
 * {@code promotionCode}/{@code promotionType} set.
 *
 * <p>A new rule is one class implementing this interface (public, no-argument constructor) and one
 * entry in the configured list, see {@link PromotionRegistry}.
 */
public interface PromotionPlugin {

    List<LineItem> apply(List<LineItem> lines, List<Promotion> activePromotions);
}
