package dev.kassa.cart.domain;

import java.util.Optional;

/** The two kinds of discount; the names are the wire values. */
public enum DiscountType {
    DiscountAmount,
    DiscountPercentage;

    public static Optional<DiscountType> parse(String value) {
        for (DiscountType type : values()) {
            if (type.name().equals(value)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
