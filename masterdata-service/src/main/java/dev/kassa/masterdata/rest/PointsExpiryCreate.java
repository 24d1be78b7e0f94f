package dev.kassa.masterdata.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

/** Expire the points earned before {@code earnedBefore} (yyyyMMdd, that day not included). */
public record PointsExpiryCreate(@NotNull @Pattern(regexp = "\\d{8}", message = "must be a date yyyyMMdd")
        String earnedBefore) {
}
