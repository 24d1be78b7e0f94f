package dev.kassa.masterdata.domain;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Record timestamps: to the millisecond (PostgreSQL keeps microseconds), ISO-8601 in UTC. */
public final class Times {
    private Times() {
    }

    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    public static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
