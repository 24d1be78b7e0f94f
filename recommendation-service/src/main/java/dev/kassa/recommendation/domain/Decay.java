package dev.kassa.recommendation.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * Time decay without rewriting old scores: a basket at time t weighs 2^((t − epoch) / half-life),
 * so a basket one half-life older weighs half as much. Every score is a sum of such weights;
 * ratios of scores (the only thing the model reads) are the decayed ratios at any moment, and
 * a score's value relative to {@link #weight} of now is its decayed basket count.
 * <p>
 * The weights grow by one binary exponent per half-life from the epoch: a double holds about a
 * thousand, so a half-life of a day lasts almost three years and the default of two weeks decades.
 */
public record Decay(Duration halfLife) {
    public static final Instant EPOCH = Instant.parse("2026-01-01T00:00:00Z");
    /** Beyond this exponent a sum of weights would lose the older baskets' precision, then overflow. */
    static final double MAX_EXPONENT = 960;

    public Decay {
        if (halfLife.isNegative() || halfLife.toSeconds() < 60) {
            throw new IllegalArgumentException("The half-life must be at least a minute: " + halfLife);
        }
    }

    public double weight(Instant at) {
        double exponent = (double) Duration.between(EPOCH, at).toSeconds() / halfLife.toSeconds();
        if (exponent > MAX_EXPONENT) {
            throw new IllegalStateException("The half-life " + halfLife + " is too short for baskets of " + at
                    + ": choose a longer one");
        }
        return Math.pow(2, exponent);
    }
}
