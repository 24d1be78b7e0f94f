package dev.kassa.cart.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Spreads every subtotal discount over the discountable lines (not cancelled, not restricted), so
 * that taxes are computed on what each line really earns.
 *
 * <p>For each discount, in order: each line gets {@code floor(discount × room / Σ room)}, where a line's
 * room is its amount less what earlier discounts already took; the remainder is then handed out by
 * quantity (each line, largest amount first, takes up to its quantity) until nothing is left. The
 * allocations of one discount therefore always sum to the discount exactly and never exceed a line's
 * amount. Unlike Kugel (which keeps only the last discount's allocation), all discounts are allocated.
 * A discount larger than the room left is 400 / 402004.
 */
public final class DiscountAllocator {

    private DiscountAllocator() {
    }

    public static List<LineItem> allocate(List<LineItem> lines, List<Discount> subtotalDiscounts) {
        int n = lines.size();
        List<List<AllocatedDiscount>> allocations = new ArrayList<>(n);
        BigDecimal[] room = new BigDecimal[n];
        for (int i = 0; i < n; i++) {
            allocations.add(new ArrayList<>());
            room[i] = lines.get(i).isDiscountable() ? lines.get(i).amount() : BigDecimal.ZERO;
        }
        List<Integer> byAmount = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            byAmount.add(i);
        }
        byAmount.sort(Comparator.<Integer, BigDecimal>comparing(i -> lines.get(i).amount()).reversed()
                .thenComparing(i -> lines.get(i).lineNo()));

        for (Discount discount : subtotalDiscounts) {
            BigDecimal target = discount.discountAmount();
            if (target.signum() <= 0) {
                continue;
            }
            BigDecimal totalRoom = BigDecimal.ZERO;
            for (BigDecimal r : room) {
                totalRoom = totalRoom.add(r);
            }
            if (target.compareTo(totalRoom) > 0) {
                throw CartErrors.discountAllocation(target, totalRoom);
            }
            BigDecimal[] share = new BigDecimal[n];
            BigDecimal left = target;
            for (int i = 0; i < n; i++) {
                share[i] = room[i].signum() > 0
                        ? Money.ratio(target.multiply(room[i]), totalRoom).setScale(0, RoundingMode.FLOOR)
                        : BigDecimal.ZERO;
                left = left.subtract(share[i]);
            }
            // the remainder, by quantity, largest lines first (always terminates: target ≤ Σ room)
            while (left.signum() > 0) {
                boolean progressed = false;
                for (int i : byAmount) {
                    BigDecimal free = room[i].subtract(share[i]);
                    if (free.signum() <= 0) {
                        continue;
                    }
                    BigDecimal add = Money.min(Money.min(BigDecimal.valueOf(lines.get(i).quantity()), left), free);
                    share[i] = share[i].add(add);
                    left = left.subtract(add);
                    progressed = true;
                    if (left.signum() == 0) {
                        break;
                    }
                }
                if (!progressed) {
                    throw CartErrors.discountAllocation(target, totalRoom);
                }
            }
            for (int i = 0; i < n; i++) {
                if (share[i].signum() > 0) {
                    allocations.get(i).add(new AllocatedDiscount(discount.seqNo(), discount.discountType(), share[i]));
                    room[i] = room[i].subtract(share[i]);
                }
            }
        }
        List<LineItem> result = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            result.add(lines.get(i).withAllocations(allocations.get(i)));
        }
        return result;
    }
}
