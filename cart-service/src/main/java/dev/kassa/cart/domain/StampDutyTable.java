package dev.kassa.cart.domain;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;

/**
 * Stamp duty tiers (kugel-features.md §4 "Stamp duty"): the first tier, from the highest, whose
 * {@code targetAmount} is ≤ the amount without tax and ≤ the cash amount applies; the target recorded
 * is the cash amount.
 *
 * @param cashPaymentCode the payment code whose amounts count as cash ("01")
 */
public record StampDutyTable(List<Tier> tiers, String cashPaymentCode) {

    public record Tier(BigDecimal targetAmount, BigDecimal stampDutyAmount) {
        public static Tier of(long target, long duty) {
            return new Tier(BigDecimal.valueOf(target), BigDecimal.valueOf(duty));
        }
    }

    public StampDutyTable {
        tiers = tiers.stream().sorted(Comparator.comparing(Tier::targetAmount).reversed()).toList();
    }

    /** The Japanese receipt stamp duty (Kugel's STAMP_DUTY_MASTER): 50,000 → 200 … 1,000,000,000 → 200,000. */
    public static StampDutyTable japan() {
        return new StampDutyTable(List.of(
                Tier.of(1_000_000_000L, 200_000),
                Tier.of(500_000_000L, 150_000),
                Tier.of(300_000_000L, 100_000),
                Tier.of(200_000_000L, 60_000),
                Tier.of(100_000_000L, 40_000),
                Tier.of(50_000_000L, 20_000),
                Tier.of(30_000_000L, 10_000),
                Tier.of(20_000_000L, 6_000),
                Tier.of(10_000_000L, 4_000),
                Tier.of(5_000_000L, 2_000),
                Tier.of(3_000_000L, 1_000),
                Tier.of(2_000_000L, 600),
                Tier.of(1_000_000L, 400),
                Tier.of(50_000L, 200)), "01");
    }

    public StampDuty evaluate(BigDecimal amountWithoutTax, BigDecimal cashAmount) {
        for (Tier tier : tiers) {
            if (tier.targetAmount().compareTo(amountWithoutTax) <= 0 && tier.targetAmount().compareTo(cashAmount) <= 0) {
                return new StampDuty(true, cashAmount, tier.stampDutyAmount());
            }
        }
        return StampDuty.NONE;
    }
}
