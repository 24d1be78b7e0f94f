package dev.kassa.cart.domain;

import java.math.RoundingMode;

/** The tax master's rounding methods. */
public enum RoundMethod {
    Floor(RoundingMode.FLOOR),
    Round(RoundingMode.HALF_UP),
    Ceil(RoundingMode.CEILING);

    private final RoundingMode mode;

    RoundMethod(RoundingMode mode) {
        this.mode = mode;
    }

    public RoundingMode mode() {
        return mode;
    }
}
