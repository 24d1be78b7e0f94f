package dev.kassa.recommendation.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** The model's knobs ({@code kassa.recommendation.*}); every one has a default. */
@ConfigMapping(prefix = "kassa.recommendation")
public interface RecommendationConfig {

    /** A basket's weight halves every half-life, so recent shopping counts more. */
    @WithDefault("P14D")
    Duration halfLife();

    /** Neighbours kept per item: the strongest pairs survive, the rest are trimmed. */
    @WithDefault("50")
    int neighbours();

    /** Popular items kept per store and per tenant. */
    @WithDefault("200")
    int popular();

    /** A pair (or popular item) worth less than this share of one fresh basket is dropped on the next write. */
    @WithDefault("0.01")
    double pruneBelow();

    /** An item not sold for this long loses its neighbours altogether. */
    @WithDefault("P180D")
    Duration idleExpiry();

    /** How long an applied event id is remembered, so a redelivery counts nothing. */
    @WithDefault("P7D")
    Duration dedupeWindow();

    /** Distinct items of one basket taken into the pairs. */
    @WithDefault("40")
    int basketItems();
}
