package dev.kassa.cart.domain;

import java.math.BigDecimal;

/**
 * One tax master entry (master-data {@code /taxes}).
 *
 * @param rate        percent, e.g. 10
 * @param roundDigit  decimals kept; 0 and negative values both mean whole currency units (contract ⚠:
 *                    Kugel quantizes {@code round_digit=-1} to {@code "1."}, i.e. whole yen)
 * @param roundMethod Floor, Round (half up) or Ceil; null keeps the exact value
 */
public record TaxRule(String taxCode, TaxType taxType, String taxName, BigDecimal rate, int roundDigit,
                      RoundMethod roundMethod) {

    /** The tax on a target amount, rounded per this rule. */
    public BigDecimal taxOn(BigDecimal target) {
        BigDecimal exact = switch (taxType) {
            case External -> Money.ratio(target.multiply(rate), Money.HUNDRED);
            // target / (1 + r/100) * r/100 == target * r / (100 + r), computed in one division
            case Internal -> Money.ratio(target.multiply(rate), Money.HUNDRED.add(rate));
            case Exempt -> Money.ZERO;
        };
        return round(exact);
    }

    public BigDecimal round(BigDecimal value) {
        if (roundMethod == null) {
            return value;
        }
        return value.setScale(Math.max(0, roundDigit), roundMethod.mode());
    }
}
