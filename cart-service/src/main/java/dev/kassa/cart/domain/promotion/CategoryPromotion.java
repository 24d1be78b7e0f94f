package dev.kassa.cart.domain.promotion;

import dev.kassa.cart.domain.Discount;
import dev.kassa.cart.domain.DiscountType;
import dev.kassa.cart.domain.LineItem;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Kugel's CategoryPromoPlugin: for each line, the active {@code category_discount} promotion with the
 * highest {@code discountRate} for the line's category adds a {@code DiscountPercentage} (detail = the
 * promotion's name). Cancelled, discount-restricted and already promoted lines are skipped. On equal
 * rates the first promotion in the list wins.
 */
public class CategoryPromotion implements PromotionPlugin {

    @Override
    public List<LineItem> apply(List<LineItem> lines, List<Promotion> activePromotions) {
        Map<String, Promotion> best = bestPerCategory(activePromotions);
        if (best.isEmpty()) {
            return lines;
        }
        List<LineItem> result = new ArrayList<>(lines.size());
        for (LineItem line : lines) {
            Promotion promotion = best.get(line.categoryCode());
            if (promotion == null || line.isCancelled() || line.isDiscountRestricted()
                    || line.hasPromotion(Promotion.CATEGORY_DISCOUNT)) {
                result.add(line);
                continue;
            }
            List<Discount> discounts = new ArrayList<>(line.discounts());
            discounts.add(new Discount(discounts.size() + 1, DiscountType.DiscountPercentage, promotion.discountRate(),
                    null, promotion.name(), promotion.promotionCode(), promotion.promotionType()));
            result.add(line.withDiscounts(discounts));
        }
        return result;
    }

    static Map<String, Promotion> bestPerCategory(List<Promotion> promotions) {
        Map<String, Promotion> best = new HashMap<>();
        for (Promotion promotion : promotions) {
            if (!Promotion.CATEGORY_DISCOUNT.equals(promotion.promotionType()) || promotion.discountRate() == null
                    || promotion.discountRate().signum() <= 0) {
                continue;
            }
            for (String category : promotion.targetCategoryCodes()) {
                Promotion current = best.get(category);
                if (current == null || promotion.discountRate().compareTo(current.discountRate()) > 0) {
                    best.put(category, promotion);
                }
            }
        }
        return best;
    }
}
